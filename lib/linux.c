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
#include "system-mode.h"	/* first: Linux interfaces, in every build */
#include "mmapcts.h"
#include "internal.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/statvfs.h>

#include <sys/utsname.h>

#ifdef __linux__
#include <sched.h>
#include <sys/mount.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#endif

/* ------------------------------------------------------------------------
 * Absent or broken?  A call that fails as it would where a feature is
 * missing (EINVAL for an unknown flag or advice, ENOSYS) proves nothing by
 * itself: a kernel, libc or emulator that has the feature and breaks it
 * fails the same way.  The running kernel's release decides: where Linux
 * has had the feature since a release at or below it, the refusal is a
 * FAIL; only an older kernel makes it UNSUPPORTED.  Under a wrapper such
 * as qemu-user the release is the host's, so the wrapper's gaps are FAILs
 * too, documented in reports/expectations.tsv.
 * ------------------------------------------------------------------------ */
/* "6.18.44-fc-v1300" -> 6, 18, 44; missing parts are 0.  The number of
 * parts read (1 to 3), or 0 when release does not start with a number. */
static int parse_version(const char *release, long v[3])
{
	const char *p = release;
	int n = 0;

	v[0] = v[1] = v[2] = 0;
	while (n < 3 && p && *p >= '0' && *p <= '9') {
		char *end;

		v[n++] = strtol(p, &end, 10);
		p = *end == '.' ? end + 1 : NULL;
	}
	return n;
}

int mmapcts_version_at_least(const char *release, const char *since)
{
	long have[3], want[3];

	if (!release || !parse_version(release, have) || !parse_version(since, want))
		return -1;
	for (int i = 0; i < 3; i++)
		if (have[i] != want[i])
			return have[i] > want[i];
	return 1;
}

const char *kernel_release(void)
{
#ifdef __linux__
	static struct utsname u;
	static int done;

	if (!done)
		done = uname(&u) == 0 ? 1 : -1;
	return done > 0 ? u.release : NULL;
#else
	return NULL;
#endif
}

int kernel_at_least(const char *since)
{
	return mmapcts_version_at_least(kernel_release(), since) == 1;
}

enum verdict mmapcts_refusal_verdict(const char *release, const char *since)
{
	if (!release)
		return VERDICT_UNSUPPORTED;	/* not Linux: a Linux feature is absent */
	switch (since ? mmapcts_version_at_least(release, since) : -1) {
	case 1:
		return VERDICT_FAIL;
	case 0:
		return VERDICT_UNSUPPORTED;
	default:
		return VERDICT_UNTESTED;
	}
}

void feature_refused_(const char *file, int line, const char *feature,
		      const char *since, int err)
{
	const char *release = kernel_release();

	switch (mmapcts_refusal_verdict(release, since)) {
	case VERDICT_FAIL:
		mmapcts_end_(VERDICT_FAIL, file, line, "%s fails with %s, but Linux has "
			     "had it since %s and this kernel is %s (uname): the "
			     "feature is there and refused", feature, errno_name(err),
			     since, release);
	case VERDICT_UNSUPPORTED:
		if (!release)
			mmapcts_end_(VERDICT_UNSUPPORTED, file, line, "%s fails with %s: "
				     "a Linux feature, and this system is not Linux",
				     feature, errno_name(err));
		mmapcts_end_(VERDICT_UNSUPPORTED, file, line, "%s fails with %s: this "
			     "kernel, %s (uname), is older than Linux %s, which added it",
			     feature, errno_name(err), release, since);
	default:
		if (!since)
			mmapcts_end_(VERDICT_UNTESTED, file, line, "%s fails with %s, and "
				     "this library knows no Linux release that has it",
				     feature, errno_name(err));
		mmapcts_end_(VERDICT_UNTESTED, file, line, "%s fails with %s, and the "
			     "kernel release '%s' (uname) is no version to compare with "
			     "Linux %s, which added it", feature, errno_name(err),
			     release, since);
	}
}
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

#ifdef __linux__
#ifndef PR_GET_MDWE
#define PR_GET_MDWE 66		/* Linux 6.3 */
#endif
#ifndef PR_MDWE_REFUSE_EXEC_GAIN
#define PR_MDWE_REFUSE_EXEC_GAIN 1
#endif

/* Security modules that never refuse PROT_EXEC on memory the process maps
 * itself (the lockdown, path, ptrace and keyring kinds). */
static int lsm_leaves_exec_alone(const char *name)
{
	static const char *const harmless[] = {
		"capability", "landlock", "lockdown", "yama", "apparmor", "safesetid",
		"loadpin", "integrity", "ima", "evm", "tomoyo",
	};

	for (size_t i = 0; i < sizeof(harmless) / sizeof(harmless[0]); i++)
		if (!strcmp(name, harmless[i]))
			return 1;
	return 0;
}
#endif

int mmapcts_exec_policy(char *why, size_t n)
{
#ifdef __linux__
	char lsms[256], enforce[8] = "";
	int mdwe = prctl(PR_GET_MDWE, 0L, 0L, 0L, 0L);
	FILE *f;

	if (mdwe > 0 && (mdwe & PR_MDWE_REFUSE_EXEC_GAIN)) {
		snprintf(why, n, "memory-deny-write-execute is set (prctl PR_GET_MDWE)");
		return 1;
	}
	if (mmapcts_proc_line_has_word("/proc/self/status", "Seccomp:", "2") == 1) {
		snprintf(why, n, "a seccomp filter is installed (one may refuse PROT_EXEC, "
			 "as systemd's MemoryDenyWriteExecute= does)");
		return 1;
	}
	f = fopen("/sys/fs/selinux/enforce", "r");
	if (f) {
		if (!fgets(enforce, sizeof(enforce), f))
			enforce[0] = '\0';
		fclose(f);
	}
	if (enforce[0] == '1') {
		snprintf(why, n, "SELinux is enforcing (it may deny execmem or execmod)");
		return 1;
	}
	f = fopen("/sys/kernel/security/lsm", "r");
	if (!f || !fgets(lsms, sizeof(lsms), f)) {
		if (f)
			fclose(f);
		snprintf(why, n, "the loaded security modules cannot be read "
			 "(/sys/kernel/security/lsm)");
		return -1;
	}
	fclose(f);
	for (char *save = NULL, *m = strtok_r(lsms, ",\n", &save); m;
	     m = strtok_r(NULL, ",\n", &save)) {
		if (lsm_leaves_exec_alone(m) || (!strcmp(m, "selinux") && enforce[0] == '0'))
			continue;
		snprintf(why, n, "the security module '%s' is loaded and may refuse it", m);
		return 1;
	}
	snprintf(why, n, "no memory-deny-write-execute, no seccomp filter, and no "
		 "security module that refuses executable memory");
	return 0;
#else
	snprintf(why, n, "this system's policies for executable memory are not known "
		 "to this library");
	return -1;
#endif
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

/* Mount fstype at dir (in the working directory, tmpdir()) in a mount
 * namespace of the calling process's own; what names the mount in
 * messages ("noexec", "hugetlbfs").  The mount is the setup, not the rule:
 * refused namespaces or mounts (no CAP_SYS_ADMIN, as in many containers)
 * leave no mount to test on, and no broken mmap() or mprotect() can make
 * them fail. */
static const char *private_mount(const char *what, const char *dir, const char *fstype,
				 unsigned long flags, const char *data)
{
#ifdef __linux__
	if (unshare(CLONE_NEWNS) < 0)
		UNSUPPORTED("no %s mount can be made here: unshare(CLONE_NEWNS) "
			    "failed: %s", what, errno_name(errno));
	/* Keep the mount below out of the namespace we came from. */
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
		UNSUPPORTED("no %s mount can be made here: making / a private "
			    "mount failed: %s", what, errno_name(errno));
	if (mkdir(dir, 0700) < 0)
		UNRESOLVED("mkdir(%s) failed: %s", dir, errno_name(errno));
	if (mount("mmapcts", dir, fstype, flags, data) < 0)
		UNSUPPORTED("no %s mount can be made here: mount -t %s failed: %s",
			    what, fstype, errno_name(errno));
	return dir;
#else
	(void)dir; (void)fstype; (void)flags; (void)data;
	UNSUPPORTED("%s mounts in a private namespace are Linux-only", what);
#endif
}

const char *noexec_tmpfs(void)
{
#ifdef __linux__
	return private_mount("noexec", "noexec", "tmpfs", MS_NOEXEC | MS_NOSUID | MS_NODEV,
			     "size=1m");
#else
	return private_mount("noexec", "noexec", "tmpfs", 0, NULL);
#endif
}

const char *hugetlbfs_mount(void)
{
#ifdef __linux__
	return private_mount("hugetlbfs", "hugetlbfs", "hugetlbfs", MS_NOSUID | MS_NODEV, NULL);
#else
	return private_mount("hugetlbfs", "hugetlbfs", "hugetlbfs", 0, NULL);
#endif
}

int kernel_grows_break(size_t len)
{
#if defined(__linux__) && defined(SYS_brk)
	/* The system call returns the new break, or the old one on failure. */
	uintptr_t old = (uintptr_t)syscall(SYS_brk, 0L);
	uintptr_t got = (uintptr_t)syscall(SYS_brk, (long)(old + len));

	if (got != old)
		syscall(SYS_brk, (long)old);
	return got == old + len;
#else
	(void)len;
	return -1;
#endif
}

int file_on_noexec_mount(void)
{
	char path[64];

	snprintf(path, sizeof(path), "%s/object", noexec_tmpfs());
	return make_file(path, page_size);
}

int mmapcts_memfd_create(const char *name, unsigned int flags)
{
	return memfd_create(name, flags);
}

int mmapcts_noreserve_flag(void)
{
	return MAP_NORESERVE;
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

/* The capset system call, as glibc has no wrapper (and libcap is no
 * dependency of the suite): the version 3 header and two 32-bit words of
 * each set. */
int drop_capability(int cap)
{
#if defined(__linux__) && defined(SYS_capget) && defined(SYS_capset)
	struct {
		uint32_t version;
		int pid;
	} hdr = { 0x20080522, 0 };	/* _LINUX_CAPABILITY_VERSION_3 */
	struct {
		uint32_t effective, permitted, inheritable;
	} data[2];
	uint32_t bit;

	if (cap < 0 || cap >= 64) {
		errno = EINVAL;
		return -1;
	}
	if (syscall(SYS_capget, &hdr, data) < 0)
		return -1;
	bit = (uint32_t)1 << (cap % 32);
	data[cap / 32].effective &= ~bit;
	data[cap / 32].permitted &= ~bit;
	data[cap / 32].inheritable &= ~bit;
	return syscall(SYS_capset, &hdr, data) < 0 ? -1 : 0;
#else
	(void)cap;
	errno = ENOSYS;
	return -1;
#endif
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

/* Since which Linux release madvise() knows each advice the cases give
 * (Linux madvise(2), VERSIONS and the advice's own paragraph). */
const char *mmapcts_advice_since(const char *name)
{
	static const struct {
		const char *name, *since;
	} advice[] = {
		{ "MADV_NORMAL", "2.4" }, { "MADV_RANDOM", "2.4" },
		{ "MADV_SEQUENTIAL", "2.4" }, { "MADV_WILLNEED", "2.4" },
		{ "MADV_DONTNEED", "2.4" }, { "MADV_REMOVE", "2.6.16" },
		{ "MADV_DONTFORK", "2.6.16" }, { "MADV_DOFORK", "2.6.16" },
		{ "MADV_FREE", "4.5" }, { "MADV_WIPEONFORK", "4.14" },
		{ "MADV_KEEPONFORK", "4.14" }, { "MADV_COLD", "5.4" },
		{ "MADV_HUGEPAGE", "2.6.38" },
		{ "MADV_PAGEOUT", "5.4" }, { "MADV_POPULATE_READ", "5.14" },
		{ "MADV_POPULATE_WRITE", "5.14" }, { "MADV_GUARD_INSTALL", "6.13" },
		{ "MADV_GUARD_REMOVE", "6.13" },
		{ "MADV_HUGEPAGE", "2.6.38" }, { "MADV_NOHUGEPAGE", "2.6.38" },
		{ "MADV_COLLAPSE", "6.1" },
	};

	for (size_t i = 0; i < sizeof(advice) / sizeof(advice[0]); i++)
		if (!strcmp(name, advice[i].name))
			return advice[i].since;
	return NULL;
}

void advise_(const char *file, int line, void *addr, size_t len, int advice,
	     const char *name)
{
	char what[64];

	if (madvise(addr, len, advice) == 0)
		return;
	/* EINVAL: an advice the kernel does not know - or breaks; ENOSYS: no
	 * madvise() (compat.h's stand-in, or a kernel without it). */
	if (errno == EINVAL || errno == ENOSYS) {
		int err = errno;

		snprintf(what, sizeof(what), "madvise(%s)", name);
		feature_refused_(file, line, what, mmapcts_advice_since(name), err);
	}
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

/* ------------------------------------------------------------------------
 * System calls glibc 2.36 has no wrapper for (mmapcts.h): made with
 * syscall(), so mmapcts-faults.so can bend them; ENOSYS elsewhere.
 * ------------------------------------------------------------------------ */
#ifdef __linux__
/* MIPS numbers each ABI's calls from a base of its own (__NR_Linux: n64
 * 5000, n32 6000, o32 4000); the unified numbers are offsets from it. */
#if defined(__mips__) && defined(__NR_Linux)
#define MMAPCTS_NR(n) (__NR_Linux + (n))
#else
#define MMAPCTS_NR(n) (n)
#endif
#ifndef SYS_mseal
#define SYS_mseal MMAPCTS_NR(462)
#endif
#ifndef SYS_process_mrelease
#define SYS_process_mrelease MMAPCTS_NR(448)
#endif
#if !defined(SYS_memfd_secret) && !defined(MMAPCTS_NO_MEMFD_SECRET)
#define SYS_memfd_secret MMAPCTS_NR(447)
#endif
#ifndef SYS_pidfd_open
#define SYS_pidfd_open MMAPCTS_NR(434)
#endif
#define LINUX_SYSCALL(...) return (int)syscall(__VA_ARGS__)
#else
#define LINUX_SYSCALL(...) do { errno = ENOSYS; return -1; } while (0)
#endif

int sys_mseal(void *addr, size_t len, unsigned long flags)
{
	LINUX_SYSCALL(SYS_mseal, addr, len, flags);
}

int sys_process_mrelease(int pidfd, unsigned int flags)
{
	LINUX_SYSCALL(SYS_process_mrelease, pidfd, flags);
}

int sys_memfd_secret(unsigned int flags)
{
#ifdef MMAPCTS_NO_MEMFD_SECRET
	(void)flags;
	errno = ENOSYS;
	return -1;
#else
	LINUX_SYSCALL(SYS_memfd_secret, flags);
#endif
}

int sys_pidfd_open(pid_t pid, unsigned int flags)
{
	LINUX_SYSCALL(SYS_pidfd_open, pid, flags);
}

ssize_t read_proc_self_mem(void *dst, const void *src, size_t n)
{
#ifdef __linux__
	int fd = open("/proc/self/mem", O_RDONLY);
	ssize_t r;
	int err;

	if (fd < 0)
		return -1;
	r = pread(fd, dst, n, (off_t)(uintptr_t)src);
	err = errno;
	close(fd);
	errno = err;
	return r;
#else
	(void)dst, (void)src, (void)n;
	errno = ENOSYS;
	return -1;
#endif
}

ssize_t read_vm_self(void *dst, const void *src, size_t n)
{
#ifdef __linux__
	struct iovec local = { dst, n }, remote = { (void *)(uintptr_t)src, n };

	return process_vm_readv(getpid(), &local, 1, &remote, 1, 0);
#else
	(void)dst, (void)src, (void)n;
	errno = ENOSYS;
	return -1;
#endif
}

int siginfo_pkey(const siginfo_t *si)
{
#ifdef si_pkey
	return (int)si->si_pkey;
#else
	(void)si;
	return -1;
#endif
}

int cpu_flag(const char *word)
{
	return mmapcts_proc_line_has_word("/proc/cpuinfo", "flags", word);
}

#ifdef __linux__
#include <elf.h>
#include <link.h>
#include <sys/auxv.h>
#ifndef PR_SET_MDWE
#define PR_SET_MDWE 65		/* Linux 6.3 */
#endif
#endif

int exec_stack_wanted(void)
{
#ifdef __linux__
	const ElfW(Phdr) *ph = (const ElfW(Phdr) *)getauxval(AT_PHDR);
	unsigned long n = getauxval(AT_PHNUM);

	if (personality(0xffffffff) & READ_IMPLIES_EXEC)
		return 1;
	for (unsigned long i = 0; ph && i < n; i++)
		if (ph[i].p_type == PT_GNU_STACK)
			return (ph[i].p_flags & PF_X) != 0;
#endif
	return -1;
}

int set_mdwe(void)
{
#ifdef __linux__
	return prctl(PR_SET_MDWE, (unsigned long)MDWE_REFUSE_EXEC_GAIN, 0L, 0L, 0L);
#else
	errno = ENOSYS;
	return -1;
#endif
}

int get_mdwe(void)
{
#ifdef __linux__
	return prctl(PR_GET_MDWE, 0L, 0L, 0L, 0L);
#else
	errno = ENOSYS;
	return -1;
#endif
}

int user_space_reaches_top(void)
{
#if defined(__linux__) && defined(__s390x__)
	return 1;	/* TASK_SIZE_MAX is -PAGE_SIZE (arch/s390/include/asm/processor.h) */
#else
	return 0;
#endif
}

int cpu_has_pkeys(void)
{
#if defined(__x86_64__) || defined(__i386__)
	int pku = mmapcts_proc_line_has_word("/proc/cpuinfo", "flags", "pku");
	int ospke = mmapcts_proc_line_has_word("/proc/cpuinfo", "flags", "ospke");

	if (pku < 0 || ospke < 0)
		return -1;
	return pku == 1 && ospke == 1;
#elif defined(__aarch64__)
	/* Permission overlays (FEAT_S1POE) are arm64's keys; the kernel names
	 * them "poe" among the Features from 6.12, the release that uses them. */
	int poe = mmapcts_proc_line_has_word("/proc/cpuinfo", "Features", "poe");

	if (poe < 0 || (poe == 0 && !kernel_at_least("6.12")))
		return -1;
	return poe;
#elif defined(__powerpc64__)
	/* In a pseries partition the kernel takes its key count from the
	 * firmware's ibm,processor-storage-keys property of the CPU nodes
	 * (arch/powerpc/mm/book3s64/pkeys.c) and assumes none without it. */
	DIR *cpus = opendir("/proc/device-tree/cpus");
	struct dirent *d;
	int keys = 0;

	if (!cpus)
		return -1;
	while (!keys && (d = readdir(cpus))) {
		char path[512];

		snprintf(path, sizeof(path), "/proc/device-tree/cpus/%s/ibm,processor-storage-keys",
			 d->d_name);
		keys = access(path, F_OK) == 0;
	}
	closedir(cpus);
	if (keys)
		return 1;
	return mmapcts_proc_line_has_word("/proc/cpuinfo", "platform", "pSeries") == 1 ? 0 : -1;
#else
	return -1;
#endif
}

/* ------------------------------------------------------------------------
 * vmsplice(), splice() and ptrace() for the cow group: glibc wraps them, but
 * only on Linux (the BSDs' ptrace() has other requests).
 * ------------------------------------------------------------------------ */
ssize_t vmsplice_pages(int fd, void *addr, size_t len)
{
#ifdef __linux__
	struct iovec iov = { addr, len };

	return vmsplice(fd, &iov, 1, 0);
#else
	(void)fd, (void)addr, (void)len;
	errno = ENOSYS;
	return -1;
#endif
}

ssize_t splice_bytes(int from, int to, size_t len)
{
#ifdef __linux__
	return splice(from, NULL, to, NULL, len, 0);
#else
	(void)from, (void)to, (void)len;
	errno = ENOSYS;
	return -1;
#endif
}

int trace_me_and_stop(void)
{
#ifdef __linux__
	if (ptrace(PTRACE_TRACEME, 0, NULL, NULL) < 0)
		return -1;
	return raise(SIGSTOP);
#else
	errno = ENOSYS;
	return -1;
#endif
}

int poke_word_and_detach(pid_t pid, void *addr, long word)
{
#ifdef __linux__
	int status, r, err;

	if (waitpid(pid, &status, WUNTRACED) != pid || !WIFSTOPPED(status))
		return -1;
	r = ptrace(PTRACE_POKEDATA, pid, addr, (void *)word) < 0 ? -1 : 0;
	err = errno;
	ptrace(PTRACE_DETACH, pid, NULL, NULL);
	errno = err;
	return r;
#else
	(void)pid, (void)addr, (void)word;
	errno = ENOSYS;
	return -1;
#endif
}
