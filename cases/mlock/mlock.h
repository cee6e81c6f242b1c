/*
 * mlock.h - code shared by the cases of cases/mlock/: the lock state of
 * each piece of a mapping (/proc/self/smaps VmFlags "lo"), locking all of
 * the process as the rule under test, and a child that RLIMIT_MEMLOCK
 * binds (limit set, CAP_IPC_LOCK given up).  VmLck (locked_kb()),
 * memlock_refusal_reason(), SAFE_MLOCK and resident_pages() are the
 * library's: lib/mmapcts.h.
 */
#ifndef MMAPCTS_MLOCK_H
#define MMAPCTS_MLOCK_H

#include "mmapcts.h"

#include <inttypes.h>
#include <stdlib.h>
#include <sys/resource.h>

/* The kibibytes of a "Key:  N kB" line of /proc/self/status; -1 if absent. */
static inline long self_status_kb(const char *key)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	size_t klen = strlen(key);
	long kb = -1;

	while (f && fgets(line, sizeof(line), f))
		if (!strncmp(line, key, klen) && line[klen] == ':') {
			kb = strtol(line + klen + 1, NULL, 10);
			break;
		}
	if (f)
		fclose(f);
	return kb;
}

/* Does this process hold CAP_IPC_LOCK (bit 14 of CapEff)?  0 where the
 * system shows no capabilities. */
static inline int holds_cap_ipc_lock(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	unsigned long long eff = 0;

	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "CapEff: %llx", &eff) == 1)
			break;
	if (f)
		fclose(f);
	return (eff >> 14) & 1;
}

/*
 * The helpers from here on are called through a macro of their name that
 * passes the case's file and line; inside them MMAPCTS_HERE is those, so a
 * setup call, check or verdict in them names the case's line, never this
 * header's.
 */
#undef MMAPCTS_HERE
#define MMAPCTS_HERE file, line

/*
 * The lock state of [map, map + len), one "first-end lo" or "first-end -"
 * item per mapping (VMA) overlapping it, in pages from map, from the
 * VmFlags lines of /proc/self/smaps: "0-1 lo; 1-3 -; 3-4 lo".  UNTESTED
 * where smaps or its VmFlags are missing (Linux before 3.8).
 */
static inline const char *lock_layout_(const char *file, int line, const void *map,
				       size_t len, char *buf, size_t n)
{
	FILE *f = fopen("/proc/self/smaps", "r");
	char text[4400];
	uintptr_t lo = (uintptr_t)map, hi = lo + len;
	intmax_t first = 0, end = 0;
	int in = 0, flags_seen = 0;
	size_t used = 0;

	if (!f)
		UNTESTED("/proc/self/smaps cannot be read (%s): the lock state of a "
			 "mapping cannot be observed", errno_name(errno));
	buf[0] = '\0';
	while (used < n && fgets(text, sizeof(text), f)) {
		uintmax_t start, stop;

		if (sscanf(text, "%jx-%jx ", &start, &stop) == 2) {
			in = stop > lo && start < hi;
			first = ((intmax_t)start - (intmax_t)lo) / (intmax_t)page_size;
			end = ((intmax_t)stop - (intmax_t)lo) / (intmax_t)page_size;
		} else if (in && !strncmp(text, "VmFlags:", 8)) {
			flags_seen = 1;
			used += (size_t)snprintf(buf + used, n - used, "%s%jd-%jd %s",
						 used ? "; " : "", first, end,
						 strstr(text, " lo") ? "lo" : "-");
			in = 0;
		}
	}
	fclose(f);
	if (!flags_seen)
		UNTESTED("/proc/self/smaps shows no VmFlags for the mapping (Linux 3.8 "
			 "added them): the lock state cannot be observed");
	return buf;
}

/* The lock state of [map, map + len) is expected (lock_layout() form). */
#define CHECK_LOCK_LAYOUT(map, len, expected)                                  \
	check_lock_layout_(MMAPCTS_HERE, #map, (map), (len), (expected))
static inline void check_lock_layout_(const char *file, int line, const char *expr,
				      const void *map, size_t len, const char *expected)
{
	char got[512];

	lock_layout_(file, line, map, len, got, sizeof(got));
	if (strcmp(got, expected))
		FAIL("the mappings of %s (%zu pages) are locked as \"%s\" (pages "
		     "from %s, lo: VmFlags shows the lock), expected \"%s\"", expr,
		     len / page_size, got, expr, expected);
}

/*
 * mlock(addr, len) as the call under test: 0, or UNSUPPORTED where
 * RLIMIT_MEMLOCK (raised to its hard limit) explains a refusal, FAIL for
 * any other refusal.
 */
#define LOCK(addr, len) lock_(MMAPCTS_HERE, (addr), (len))
static inline void lock_(const char *file, int line, const void *addr, size_t len)
{
	const char *why = memlock_refusal_reason(len);

	if (mlock(addr, len) == 0)
		return;
	int err = errno;
	if (why && (err == ENOMEM || err == EPERM || err == EAGAIN))
		UNSUPPORTED("mlock() of %zu bytes refused (%s): %s", len, errno_name(err), why);
	FAIL("mlock() of %zu bytes failed: %s, although RLIMIT_MEMLOCK allows the lock",
	     len, errno_name(err));
}

/*
 * mlockall(flags) as the call under test: 0, or UNSUPPORTED where
 * RLIMIT_MEMLOCK (raised to its hard limit) explains a refusal (for
 * MCL_CURRENT, the whole address space, VmSize, must fit), FAIL for any
 * other refusal; EINVAL for MCL_ONFAULT is FEATURE_REFUSED() (Linux 4.4).
 * `what` names the flags for messages.
 */
#define LOCK_ALL(flags) lock_all_(MMAPCTS_HERE, (flags), #flags)
static inline void lock_all_(const char *file, int line, int flags, const char *what)
{
	long vm_kb = self_status_kb("VmSize");
	size_t need = (flags & MCL_CURRENT) && vm_kb > 0 ? (size_t)vm_kb * 1024 : page_size;
	const char *why = memlock_refusal_reason(need);

	if (mlockall(flags) == 0)
		return;
	int err = errno;
	if (why && (err == ENOMEM || err == EPERM || err == EAGAIN))
		UNSUPPORTED("mlockall(%s) refused (%s): %s", what, errno_name(err), why);
	if (err == EINVAL && (flags & MCL_ONFAULT))
		FEATURE_REFUSED("MCL_ONFAULT", "4.4", err);
	FAIL("mlockall(%s) failed: %s, although RLIMIT_MEMLOCK allows the lock", what,
	     errno_name(err));
}

/*
 * In a child: RLIMIT_MEMLOCK set to limit bytes (soft and hard), then
 * CAP_IPC_LOCK given up (drop_capability(); root stays root otherwise,
 * so the fault library's trace can still be written), so the limit binds.
 * UNTESTED where the capability cannot be given up (not Linux).
 */
#define BIND_MEMLOCK_LIMIT(limit) bind_memlock_limit_(MMAPCTS_HERE, (limit))
static inline void bind_memlock_limit_(const char *file, int line, rlim_t limit)
{
	struct rlimit rl = { limit, limit };

	if (setrlimit(RLIMIT_MEMLOCK, &rl) < 0)
		UNRESOLVED("setrlimit(RLIMIT_MEMLOCK, %ju) failed: %s", (uintmax_t)limit,
			   errno_name(errno));
	if (drop_capability(LINUX_CAP_IPC_LOCK) < 0) {
		if (errno == ENOSYS)
			UNTESTED("CAP_IPC_LOCK cannot be given up here (no capset()): "
				 "RLIMIT_MEMLOCK may not bind this process");
		UNRESOLVED("giving up CAP_IPC_LOCK with capset() failed: %s",
			   errno_name(errno));
	}
	if (holds_cap_ipc_lock())
		UNRESOLVED("CapEff still shows CAP_IPC_LOCK after capset() gave it up");
}

/*
 * Locked on fault: no page of the untouched [map, map + len) is resident,
 * and after a store to its first page exactly that page is.
 */
#define CHECK_POPULATED_ON_TOUCH(map, len) check_populated_on_touch_(MMAPCTS_HERE, (map), (len))
static inline void check_populated_on_touch_(const char *file, int line, unsigned char *map,
					     size_t len)
{
	CHECK_EQ(resident_pages(map, len), 0);
	map[0] = 1;
	CHECK_EQ(resident_pages(map, len), 1);
}

#undef MMAPCTS_HERE
#define MMAPCTS_HERE __FILE__, __LINE__

#endif /* MMAPCTS_MLOCK_H */
