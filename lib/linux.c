/*
 * linux.c - the Linux-only pieces behind one shim, each with an answer
 * everywhere else, so the cases carry no #if and the POSIX profile builds
 * on any system:
 *   - the observables and advice: plain reads of /proc and madvise(),
 *     which compat.h stubs where it is missing; elsewhere each ends the
 *     case UNTESTED or UNSUPPORTED with the reason;
 *   - the steps only Linux offers (a noexec tmpfs in a private mount
 *     namespace, a write-sealed memfd, the READ_IMPLIES_EXEC personality),
 *     "unsupported here" elsewhere.
 */
#include "mmapcts.h"
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/statvfs.h>

#ifdef __linux__
#include <sched.h>
#include <sys/mount.h>
#include <sys/personality.h>
#endif
int mmapcts_proc_line_has_word(const char *path, const char *key, const char *word)
{
	char line[8192];	/* lines of /proc/cpuinfo run long */
	int found = 0;
	FILE *f = fopen(path, "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		char *save = NULL, *tok, *words = strchr(line, ':');

		if (strncmp(line, key, strlen(key)))
			continue;
		words = words ? words + 1 : line;
		for (tok = strtok_r(words, " \t\n", &save); tok && !found;
		     tok = strtok_r(NULL, " \t\n", &save))
			found = !strcmp(tok, word);
		break;
	}
	fclose(f);
	return found;
}

const char *mmapcts_kernel_exec_not_enforced(void)
{
#ifdef __linux__
	/* This personality makes every readable mapping executable. */
	if (personality(0xffffffff) & READ_IMPLIES_EXEC)
		return "the process runs with the READ_IMPLIES_EXEC personality";
	return NULL;
#else
	return "whether this system enforces PROT_EXEC is not known to this library";
#endif
}

int on_noexec_mount(int fd)
{
#ifdef ST_NOEXEC
	struct statvfs vfs;

	return fstatvfs(fd, &vfs) == 0 && (vfs.f_flag & ST_NOEXEC);
#else
	(void)fd;
	return 0;
#endif
}

const char *noexec_tmpfs(void)
{
#ifdef __linux__
	static const char dir[] = "noexec";

	if (unshare(CLONE_NEWNS) < 0)
		UNSUPPORTED("unshare(CLONE_NEWNS) failed: %s", errno_name(errno));
	/* Keep the mount below out of the namespace we came from. */
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
		UNSUPPORTED("making / a private mount failed: %s", errno_name(errno));
	if (mkdir(dir, 0700) < 0)
		UNRESOLVED("mkdir(%s) failed: %s", dir, errno_name(errno));
	if (mount("mmapcts", dir, "tmpfs", MS_NOEXEC | MS_NOSUID | MS_NODEV, "size=1m") < 0)
		UNSUPPORTED("mounting a noexec tmpfs failed: %s", errno_name(errno));
	return dir;
#else
	UNSUPPORTED("noexec tmpfs mounts in a private namespace are Linux-only");
#endif
}

int file_on_noexec_mount(void)
{
	char path[64];

	snprintf(path, sizeof(path), "%s/object", noexec_tmpfs());
	return make_file(path, page_size);
}

int write_sealed_memfd(size_t len)
{
	unsigned char *buf = scratch(len);
	int fd = memfd_create("mmapcts-sealed", MFD_ALLOW_SEALING);

	if (fd < 0)
		UNRESOLVED("memfd_create(MFD_ALLOW_SEALING) failed: %s", errno_name(errno));
	fill_pattern(buf, 0, len, 0);
	SAFE_PWRITE(fd, buf, len, 0);
	if (fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE) < 0)
		UNRESOLVED("fcntl(F_ADD_SEALS, F_SEAL_WRITE) failed: %s", errno_name(errno));
	SAFE_MUNMAP(buf, len);
	return fd;
}

long locked_kb(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kb = -1;

	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "VmLck: %ld kB", &kb) == 1)
			break;
	if (f)
		fclose(f);
	if (kb < 0)
		UNTESTED("no VmLck in /proc/self/status: memory locks cannot be observed");
	return kb;
}

const char *memlock_refusal_reason(size_t len)
{
	static char reason[160];
	struct rlimit rl;
	unsigned long long need = (unsigned long long)locked_kb() * 1024 + len;

	/* The soft limit may rise to the hard one without privilege. */
	if (getrlimit(RLIMIT_MEMLOCK, &rl) < 0)
		return NULL;
	if (rl.rlim_cur != rl.rlim_max) {
		struct rlimit raised = { rl.rlim_max, rl.rlim_max };
		if (setrlimit(RLIMIT_MEMLOCK, &raised) == 0)
			rl = raised;
	}
	if (rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur >= need)
		return NULL;
	snprintf(reason, sizeof(reason), "RLIMIT_MEMLOCK is %llu bytes (hard limit "
		 "included), below the %llu this process would have locked",
		 (unsigned long long)rl.rlim_cur, need);
	return reason;
}

size_t safe_mlock_(const char *file, int line, void *addr, size_t len)
{
	long before = locked_kb();
	const char *why = memlock_refusal_reason(len);

	if (mlock(addr, len) < 0) {
		int err = errno;
		if (why && (err == EPERM || err == ENOMEM || err == EAGAIN))
			mmapcts_end_(VERDICT_UNSUPPORTED, file, line, "mlock() of %zu bytes "
				     "refused (%s): %s", len, errno_name(err), why);
		mmapcts_end_(VERDICT_UNRESOLVED, file, line, "mlock() of %zu bytes failed: "
			     "%s, within RLIMIT_MEMLOCK (mlock/locks-counted FAILs on "
			     "that)", len, errno_name(err));
	}
	long after = locked_kb();
	if (after - before != (long)(len / 1024))
		mmapcts_end_(VERDICT_UNRESOLVED, file, line, "mlock() of %zu bytes returned 0 "
			     "but VmLck grew by %ld kB, not %zu (mlock/locks-counted FAILs "
			     "on that)", len, after - before, len / 1024);
	return (size_t)before * 1024;
}

void safe_mlockall_(const char *file, int line, int flags)
{
	const char *why = memlock_refusal_reason(page_size);

	if (mlockall(flags) == 0)
		return;
	int err = errno;
	if (why && (err == EPERM || err == ENOMEM || err == EAGAIN))
		mmapcts_end_(VERDICT_UNSUPPORTED, file, line, "mlockall(%#x) refused (%s): %s",
			     (unsigned)flags, errno_name(err), why);
	mmapcts_end_(VERDICT_UNRESOLVED, file, line, "mlockall(%#x) failed: %s, within "
		     "RLIMIT_MEMLOCK (mlock/mlockall-future-locks-new-mappings FAILs on "
		     "that)", (unsigned)flags, errno_name(err));
}

int overcommit_policy(void)
{
	FILE *f = fopen("/proc/sys/vm/overcommit_memory", "r");
	int policy = -1;

	if (!f)
		UNTESTED("/proc/sys/vm/overcommit_memory cannot be read (%s): the "
			 "overcommit policy is unknown", errno_name(errno));
	if (fscanf(f, "%d", &policy) != 1)
		policy = -1;
	fclose(f);
	if (policy < 0 || policy > 2)
		UNTESTED("/proc/sys/vm/overcommit_memory holds no known policy");
	OBSERVE("overcommit_memory", "%d", policy);
	return policy;
}

unsigned long long meminfo_bytes(const char *key)
{
	char line[256];
	size_t klen = strlen(key);
	unsigned long long kb = 0;
	int found = 0;
	FILE *f = fopen("/proc/meminfo", "r");

	if (!f)
		UNTESTED("/proc/meminfo cannot be read: %s", errno_name(errno));
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, key, klen) && line[klen] == ':') {
			kb = strtoull(line + klen + 1, NULL, 10);
			found = 1;
		}
	fclose(f);
	if (!found)
		UNTESTED("/proc/meminfo has no %s line", key);
	return kb * 1024;
}

void advise_(const char *file, int line, void *addr, size_t len, int advice,
	     const char *name)
{
	if (madvise(addr, len, advice) == 0)
		return;
	/* ENOSYS: compat.h's stand-in, where the system has no madvise(). */
	if (errno == EINVAL || errno == ENOSYS)
		mmapcts_end_(VERDICT_UNSUPPORTED, file, line, "madvise(%s) fails with %s: "
			     "this kernel does not know the advice", name, errno_name(errno));
	mmapcts_end_(VERDICT_UNRESOLVED, file, line, "madvise(%s) failed: %s", name,
		     errno_name(errno));
}

size_t resident_pages(void *addr, size_t len)
{
	size_t npages = (len + page_size - 1) / page_size, n = 0;
	unsigned char *vec = scratch(npages);

	if (mincore(addr, len, vec) < 0)
		UNRESOLVED("mincore(addr, %zu) failed: %s", len, errno_name(errno));
	for (size_t i = 0; i < npages; i++)
		n += vec[i] & 1;
	SAFE_MUNMAP(vec, npages);
	return n;
}
