/*
 * seal.h - what the seal cases share: sealed memory as setup (mseal(),
 * Linux 6.10, made by lib/linux.c's sys_mseal() since glibc 2.36 has no
 * wrapper), protection keys as setup (absent only where the CPU provably
 * lacks them), and a probe that reports the protection key of a fault.
 *
 * Helpers take the case's file and line, so a verdict names the case's line.
 */
#ifndef SEAL_H
#define SEAL_H

#include "mmapcts.h"

#include <setjmp.h>

#undef MMAPCTS_HERE
#define MMAPCTS_HERE file, line

/*
 * mseal(addr, len, 0) as setup.  ENOSYS is FEATURE_REFUSED(): UNSUPPORTED
 * only on a kernel older than 6.10, FAIL on a newer one; any other refusal
 * is UNRESOLVED (seal/mseal-idempotent FAILs on it).
 */
#define SAFE_MSEAL(addr, len) safe_mseal_(MMAPCTS_HERE, (addr), (len))
static inline void safe_mseal_(const char *file, int line, void *addr, size_t len)
{
	if (sys_mseal(addr, len, 0) == 0)
		return;
	if (errno == ENOSYS)
		FEATURE_REFUSED("mseal()", "6.10", errno);
	UNRESOLVED("mseal(addr, %zu, 0) failed: %s", len, errno_name(errno));
}

/*
 * npages private anonymous pages holding the pattern, given prot, in a
 * reservation of their own (so that MAP_FIXED over them stays in the case's
 * range), then sealed.
 */
#define SEALED_PATTERN(npages, prot) sealed_pattern_(MMAPCTS_HERE, (npages), (prot))
static inline unsigned char *sealed_pattern_(const char *file, int line, size_t npages,
					     int prot)
{
	size_t len = npages * page_size;
	unsigned char *map = safe_map_pattern_(file, line, reserve(len), len, prot,
					       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, NULL);

	safe_mseal_(file, line, map, len);
	return map;
}

/*
 * A protection key with the given initial rights, for setup.  Where
 * pkey_alloc() fails: UNSUPPORTED when the kernel has no protection-key
 * calls (ENOSYS from two of them: 32-bit x86 and arm, MIPS, riscv, s390) or the CPU provably lacks protection
 * keys (x86 without "pku" and "ospke" in /proc/cpuinfo), FAIL where it has
 * them, UNTESTED where this cannot be told.  Whether the CPU has them is
 * recorded as cpu_pkeys.
 */
#define ALLOC_PKEY(rights) alloc_pkey_(MMAPCTS_HERE, (rights))
static inline int alloc_pkey_(const char *file, int line, unsigned int rights)
{
	int cpu = cpu_has_pkeys();
	int key, err;

	OBSERVE("cpu_pkeys", "%s", cpu > 0 ? "yes" : cpu == 0 ? "no" : "unknown");
	key = pkey_alloc(0, rights);
	if (key >= 0)
		return key;
	err = errno;
	/* A kernel built without protection keys (no CONFIG_ARCH_HAS_PKEYS:
	 * 32-bit x86 and arm, MIPS, riscv, s390, arm64 before POE) has none of the calls. */
	if (err == ENOSYS && pkey_free(15) < 0 && errno == ENOSYS)
		UNSUPPORTED("this kernel has no protection-key system calls: pkey_alloc() and "
			    "pkey_free() fail with ENOSYS");
	if (cpu == 0 && (err == ENOSPC || err == EINVAL || err == ENOSYS))
		UNSUPPORTED("the CPU has no protection keys (x86: no \"pku\" and \"ospke\" among "
			    "the /proc/cpuinfo flags; arm64: no \"poe\" among its Features; "
			    "pseries: no ibm,processor-storage-keys in the device tree): "
			    "pkey_alloc() fails with %s", errno_name(err));
	if (cpu > 0)
		FAIL("pkey_alloc(0, %u) failed with %s, though the CPU has protection keys "
		     "(\"pku\" and \"ospke\" in /proc/cpuinfo)", rights, errno_name(err));
	UNTESTED("pkey_alloc(0, %u) failed with %s, and whether this CPU has protection "
		 "keys cannot be told", rights, errno_name(err));
}

/* A page of private anonymous memory holding the pattern, read-write, tagged
 * with key by pkey_mprotect(). */
#define KEYED_PAGE(key) keyed_page_(MMAPCTS_HERE, (key))
static inline unsigned char *keyed_page_(const char *file, int line, int key)
{
	unsigned char *map = safe_map_pattern_(file, line, NULL, page_size,
					       PROT_READ | PROT_WRITE,
					       MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	if (pkey_mprotect(map, page_size, PROT_READ | PROT_WRITE, key) < 0)
		FAIL("pkey_mprotect(map, page, PROT_READ|PROT_WRITE, %d) of an allocated key "
		     "failed: %s", key, errno_name(errno));
	return map;
}

#define SET_PKEY(key, rights) set_pkey_(MMAPCTS_HERE, (key), (rights))
static inline void set_pkey_(const char *file, int line, int key, unsigned int rights)
{
	if (pkey_set(key, rights) < 0)
		FAIL("pkey_set(%d, %u) of an allocated key failed: %s", key, rights,
		     errno_name(errno));
}

/* ------------------------------------------------------------------------
 * A store that a protection key denies: SIGSEGV with SEGV_PKUERR and
 * si_pkey the key (pkeys(7)).
 * ------------------------------------------------------------------------ */
struct pkey_fault {
	int sig, code, pkey;
};

static sigjmp_buf pkey_probe_env;
static volatile struct pkey_fault pkey_probe_seen;

static void pkey_probe_handler(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	pkey_probe_seen.sig = sig;
	pkey_probe_seen.code = si->si_code;
	pkey_probe_seen.pkey = si->si_code == SEGV_PKUERR ? siginfo_pkey(si) : -1;
	siglongjmp(pkey_probe_env, 1);
}

/*
 * Store to addr (write) or read it; the signal it raised, if any.  A signal
 * handler runs with the default rights (pkeys(7)), and sigreturn would put
 * the interrupted thread's back; the siglongjmp() out of the handler skips
 * it, so the probe puts key's rights back itself.
 */
static inline struct pkey_fault probe_pkey(volatile unsigned char *addr, int write, int key)
{
	struct sigaction sa, old_segv, old_bus;
	struct pkey_fault f = { 0, 0, -1 };
	int rights = pkey_get(key);

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = pkey_probe_handler;
	sa.sa_flags = SA_SIGINFO | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, &old_segv);
	sigaction(SIGBUS, &sa, &old_bus);
	pkey_probe_seen.sig = 0;
	if (!sigsetjmp(pkey_probe_env, 1)) {
		if (write)
			*addr = 0x5a;
		else
			(void)*addr;
	}
	if (pkey_probe_seen.sig && rights >= 0)
		pkey_set(key, (unsigned int)rights);
	f.sig = pkey_probe_seen.sig;
	f.code = pkey_probe_seen.code;
	f.pkey = pkey_probe_seen.pkey;
	sigaction(SIGSEGV, &old_segv, NULL);
	sigaction(SIGBUS, &old_bus, NULL);
	return f;
}

/* The access raises SIGSEGV with SEGV_PKUERR and si_pkey key. */
#define CHECK_PKEY_DENIES(addr, write, key) check_pkey_denies_(MMAPCTS_HERE, (addr), (write), (key))
static inline void check_pkey_denies_(const char *file, int line, volatile unsigned char *addr,
				      int write, int key)
{
	struct pkey_fault f = probe_pkey(addr, write, key);
	const char *what = write ? "store" : "read";

	if (f.sig != SIGSEGV || f.code != SEGV_PKUERR)
		FAIL("a %s the rights of key %d deny %s, expected SIGSEGV with SEGV_PKUERR",
		     what, key, f.sig ? si_code_name(f.sig, f.code) : "completed");
	if (f.pkey != key)
		FAIL("a %s denied by key %d raised SEGV_PKUERR with si_pkey %d", what, key,
		     f.pkey);
}

/* The access to a page tagged with key completes. */
#define CHECK_PKEY_ALLOWS(addr, write, key) check_pkey_allows_(MMAPCTS_HERE, (addr), (write), (key))
static inline void check_pkey_allows_(const char *file, int line, volatile unsigned char *addr,
				      int write, int key)
{
	struct pkey_fault f = probe_pkey(addr, write, key);

	if (f.sig)
		FAIL("a %s the key's rights allow raised %s %s", write ? "store" : "read",
		     signal_name(f.sig), si_code_name(f.sig, f.code));
}

/* A pidfd for the child pid (pidfd_open(), Linux 5.3: FEATURE_REFUSED on
 * ENOSYS), for process_mrelease(); with kill, the child is sent SIGKILL
 * once the pidfd holds it. */
#define PIDFD_OF(pid, kill) pidfd_of_(MMAPCTS_HERE, (pid), (kill))
static inline int pidfd_of_(const char *file, int line, pid_t pid, int kill_it)
{
	int pidfd = sys_pidfd_open(pid, 0);

	if (pidfd < 0 && errno == ENOSYS)
		FEATURE_REFUSED("pidfd_open()", "5.3", errno);
	if (pidfd < 0)
		UNRESOLVED("pidfd_open(child) failed: %s", errno_name(errno));
	if (kill_it && kill(pid, SIGKILL) < 0)
		UNRESOLVED("kill(child, SIGKILL) failed: %s", errno_name(errno));
	return pidfd;
}

#undef MMAPCTS_HERE
#define MMAPCTS_HERE __FILE__, __LINE__

#endif /* SEAL_H */
