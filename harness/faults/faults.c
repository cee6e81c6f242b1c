/*
 * faults.c - mmapcts-faults.so: a system under test that is broken on
 * purpose, in exactly one way, named by MMAPCTS_FAULT.
 *
 * Preloaded into the cases (never into the runner), it interposes the libc
 * interfaces the cases call and bends one of them as a plausible kernel or
 * libc bug would.  Without MMAPCTS_FAULT it passes every call through.
 * A fault that makes no case FAIL is a hole in the suite: `make faults`
 * and `make check` find it.
 */
#include "config.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "faults.h"

#ifndef MAP_ANONYMOUS
#define MAP_ANONYMOUS MAP_ANON
#endif
#define MAP_KIND (MAP_SHARED | MAP_PRIVATE)

extern char **environ;

static enum mmapcts_fault fault = FAULT_NONE;
static size_t pg;

static void *(*real_mmap)(void *, size_t, int, int, int, off_t);
static int (*real_munmap)(void *, size_t);
static int (*real_mprotect)(void *, size_t, int);
static int (*real_msync)(void *, size_t, int);
static int (*real_ftruncate)(int, off_t);
static int (*real_close)(int);
static int (*real_madvise)(void *, size_t, int);
static pid_t (*real_fork)(void);
static int (*real_execv)(const char *, char *const[]);
static int (*real_execve)(const char *, char *const[], char *const[]);
static ssize_t (*real_read)(int, void *, size_t);
static ssize_t (*real_write)(int, const void *, size_t);
static void *(*real_sbrk)(intptr_t);
static int (*real_mlock)(const void *, size_t);
static int (*real_munlock)(const void *, size_t);
static int (*real_mlockall)(int);
static int (*real_munlockall)(void);
static int (*real_sigaction)(int, const struct sigaction *, struct sigaction *);

/* Every mapping the case made through us, for the faults that need them. */
#define MAX_TRACKED 256
static struct tracked {
	uintptr_t addr;
	size_t len;
	int prot, flags, fd;	/* fd: a dup of the mapped file, or -1 */
	int user_fd;		/* the descriptor the case passed */
	off_t off;
} tracked[MAX_TRACKED];
static int ntracked;

static void resolve(void)
{
	if (real_mmap)
		return;
	real_munmap = (int (*)(void *, size_t))dlsym(RTLD_NEXT, "munmap");
	real_mprotect = (int (*)(void *, size_t, int))dlsym(RTLD_NEXT, "mprotect");
	real_msync = (int (*)(void *, size_t, int))dlsym(RTLD_NEXT, "msync");
	real_ftruncate = (int (*)(int, off_t))dlsym(RTLD_NEXT, "ftruncate");
	real_close = (int (*)(int))dlsym(RTLD_NEXT, "close");
	real_madvise = (int (*)(void *, size_t, int))dlsym(RTLD_NEXT, "madvise");
	real_fork = (pid_t (*)(void))dlsym(RTLD_NEXT, "fork");
	real_execv = (int (*)(const char *, char *const[]))dlsym(RTLD_NEXT, "execv");
	real_execve = (int (*)(const char *, char *const[], char *const[]))
		dlsym(RTLD_NEXT, "execve");
	real_read = (ssize_t (*)(int, void *, size_t))dlsym(RTLD_NEXT, "read");
	real_write = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
	real_sbrk = (void *(*)(intptr_t))dlsym(RTLD_NEXT, "sbrk");
	real_mlock = (int (*)(const void *, size_t))dlsym(RTLD_NEXT, "mlock");
	real_munlock = (int (*)(const void *, size_t))dlsym(RTLD_NEXT, "munlock");
	real_mlockall = (int (*)(int))dlsym(RTLD_NEXT, "mlockall");
	real_munlockall = (int (*)(void))dlsym(RTLD_NEXT, "munlockall");
	real_sigaction = (int (*)(int, const struct sigaction *, struct sigaction *))
		dlsym(RTLD_NEXT, "sigaction");
	pg = (size_t)sysconf(_SC_PAGESIZE);
	real_mmap = (void *(*)(void *, size_t, int, int, int, off_t))dlsym(RTLD_NEXT, "mmap");
}

static int is(enum mmapcts_fault f)
{
	return fault == f;
}

static size_t round_up(size_t n)
{
	return (n + pg - 1) / pg * pg;
}

static int is_file(int flags, int fd)
{
	return !(flags & MAP_ANONYMOUS) && fd >= 0;
}

static int open_mode(int fd)
{
	int fl = fcntl(fd, F_GETFL);
	return fl < 0 ? -1 : fl & O_ACCMODE;
}

/* A descriptor of /dev/zero: Linux maps it as anonymous memory, so the
 * anonymous-memory faults bend it too. */
static int is_dev_zero(int fd)
{
	static dev_t zero_rdev;
	static int known;
	struct stat st, z;

	if (fd < 0 || fstat(fd, &st) < 0 || !S_ISCHR(st.st_mode))
		return 0;
	if (!known) {
		if (stat("/dev/zero", &z) < 0)
			return 0;
		zero_rdev = z.st_rdev;
		known = 1;
	}
	return st.st_rdev == zero_rdev;
}

static int is_anon(int flags, int fd)
{
	return (flags & MAP_ANONYMOUS) || is_dev_zero(fd);
}

static int on_noexec_mount(int fd)
{
#ifdef ST_NOEXEC
	struct statvfs vfs;

	return fd >= 0 && fstatvfs(fd, &vfs) == 0 && (vfs.f_flag & ST_NOEXEC);
#else
	(void)fd;
	return 0;
#endif
}

/* An unlinked scratch file of the library's own, open read-write. */
static int temp_fd(const char *what)
{
	const char *tmp = getenv("TMPDIR");
	char name[512];
	int fd;

	snprintf(name, sizeof(name), "%s/mmapcts-fault-%s.XXXXXX", tmp ? tmp : "/tmp", what);
	fd = mkstemp(name);
	if (fd >= 0)
		unlink(name);
	return fd;
}

static void track(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	if (ntracked == MAX_TRACKED)
		return;
	tracked[ntracked].addr = (uintptr_t)addr;
	tracked[ntracked].len = round_up(len);
	tracked[ntracked].prot = prot;
	tracked[ntracked].flags = flags;
	tracked[ntracked].fd = fd >= 0 ? fcntl(fd, F_DUPFD_CLOEXEC, 100) : -1;
	tracked[ntracked].user_fd = fd;
	tracked[ntracked].off = off;
	ntracked++;
}

static struct tracked *find_tracked(uintptr_t a)
{
	for (int i = ntracked - 1; i >= 0; i--)
		if (a >= tracked[i].addr && a < tracked[i].addr + tracked[i].len)
			return &tracked[i];
	return NULL;
}

/* Forget what [a, a+len) covered (whole entries only; good enough here). */
static void untrack(uintptr_t a, size_t len)
{
	for (int i = 0; i < ntracked; i++) {
		if (tracked[i].addr >= a && tracked[i].addr + tracked[i].len <= a + len) {
			if (tracked[i].fd >= 0)
				real_close(tracked[i].fd);
			tracked[i--] = tracked[--ntracked];
		}
	}
}

/* --------------------------------------------------------- memory locks */
/* What the process locked, for the faults that let locks outlive what
 * should end them (fork, exec, munmap). */
#define MAX_LOCKED 32
static struct {
	uintptr_t addr;
	size_t len;
} locked[MAX_LOCKED];
static int nlocked, lockall_flags;

static int tracks_locks(void)
{
	return is(FAULT_FORK_KEEPS_LOCKS) || is(FAULT_EXEC_KEEPS_LOCKS) ||
	       is(FAULT_MUNMAP_KEEPS_LOCK);
}

static void forget_locks(uintptr_t a, size_t len)
{
	for (int i = 0; i < nlocked; i++)
		if (locked[i].addr >= a && locked[i].addr + locked[i].len <= a + len)
			locked[i--] = locked[--nlocked];
}

static int was_locked(uintptr_t a, size_t len)
{
	for (int i = 0; i < nlocked; i++)
		if (a < locked[i].addr + locked[i].len && locked[i].addr < a + len)
			return 1;
	return 0;
}

/* ---------------------------------------------------------------- exec */
/* exec-keeps-mappings: the old image's readable mappings go across: the
 * bytes of the anonymous and private ones to a file, the objects of the
 * file ones as inherited descriptors; the new image maps them all back at
 * the same addresses. */
#define KEEP_ENV "MMAPCTS_FAULT_KEPT"
#define KEEP_BUDGET (8u << 20)

static char keep_var[4096];

static const char *save_mappings(void)
{
	size_t used = 0, at = 0;
	int fd = temp_fd("keep");

	if (fd < 0)
		return NULL;
	at = (size_t)snprintf(keep_var, sizeof(keep_var), "%s=%d", KEEP_ENV, fd);
	for (int i = 0; i < ntracked; i++) {
		struct tracked *t = &tracked[i];
		int file = t->fd >= 0 && !(t->flags & MAP_ANONYMOUS);
		int shared = (t->flags & MAP_KIND) == MAP_SHARED;
		int obj = -1;
		size_t keep = 0;

		if (!(t->prot & PROT_READ) || used + t->len > KEEP_BUDGET ||
		    at + 80 > sizeof(keep_var) || (!file && t->fd >= 0))
			continue;
		if (!(file && shared)) {
			if (pwrite(fd, (void *)t->addr, t->len, (off_t)used) != (ssize_t)t->len)
				continue;
			keep = used;
			used += t->len;
		}
		if (file && (obj = fcntl(t->fd, F_DUPFD, 100)) < 0)
			continue;
		at += (size_t)snprintf(keep_var + at, sizeof(keep_var) - at,
				       ",%lx:%zx:%x:%c:%d:%jx:%zx", (unsigned long)t->addr,
				       t->len, (unsigned)t->prot, !file ? 'a' : shared ? 's' : 'p',
				       obj, (uintmax_t)t->off, keep);
	}
	return keep_var;
}

static void restore_mappings(void)
{
	const char *v = getenv(KEEP_ENV);
	int fd;

	if (!v)
		return;
	fd = atoi(v);
	for (const char *p = strchr(v, ','); p; p = strchr(p + 1, ',')) {
		unsigned long addr;
		size_t len, keep;
		unsigned prot;
		char kind;
		int obj;
		uintmax_t off;
		void *want, *got;

		if (sscanf(p + 1, "%lx:%zx:%x:%c:%d:%jx:%zx", &addr, &len, &prot, &kind, &obj,
			   &off, &keep) != 7)
			continue;
		want = (void *)addr;
		if (kind == 'a')
			got = real_mmap(want, len, (int)prot, MAP_PRIVATE, fd, (off_t)keep);
		else if (kind == 's')
			got = real_mmap(want, len, (int)prot, MAP_SHARED, obj, (off_t)off);
		else
			got = real_mmap(want, len, (int)prot | PROT_WRITE, MAP_PRIVATE, obj,
					(off_t)off);
		if (got != MAP_FAILED && got == want && kind == 'p') {
			/* the private copy, with the old image's stores */
			if (pread(fd, got, len, (off_t)keep) < 0) {
				/* the mapping still shows the object */
			}
			real_mprotect(got, len, (int)prot);
		}
		if (got != MAP_FAILED && got != want)
			real_munmap(got, len);	/* the address was taken: leave it */
		if (obj >= 0)
			real_close(obj);
	}
	real_close(fd);
	unsetenv(KEEP_ENV);
}

/* exec-keeps-locks: the old image's locks travel in the environment. */
#define LOCKS_ENV "MMAPCTS_FAULT_LOCKS"

static char locks_var[64];

static void restore_locks(void)
{
	const char *v = getenv(LOCKS_ENV);

	if (!v)
		return;
	real_mlockall(MCL_CURRENT | (atoi(v) & MCL_FUTURE));
	unsetenv(LOCKS_ENV);
}

/* Before an exec: what the faults carry into the new image. */
static void before_exec(void)
{
	const char *var;

	if (is(FAULT_EXEC_KEEPS_MAPPINGS) && (var = save_mappings()) != NULL)
		putenv((char *)var);
	if (is(FAULT_EXEC_KEEPS_LOCKS) && (nlocked || lockall_flags)) {
		snprintf(locks_var, sizeof(locks_var), "%s=%d", LOCKS_ENV, lockall_flags);
		putenv(locks_var);
	}
}

/* fork-shares-protection (see fork, below) sets up in every image. */
static struct mailbox *mailbox;
static void on_peer_mprotect(int sig);

__attribute__((constructor)) static void init(void)
{
	const char *name = getenv(MMAPCTS_FAULT_ENV);

	resolve();
	if (!name || !*name)
		return;
	for (int i = 0; i < FAULT_COUNT; i++)
		if (!strcmp(name, mmapcts_fault_defs[i].name))
			fault = (enum mmapcts_fault)i;
	if (fault == FAULT_NONE) {
		fprintf(stderr, "mmapcts-faults: unknown fault '%s'\n", name);
		_exit(99);
	}
	if (is(FAULT_EXEC_KEEPS_MAPPINGS))
		restore_mappings();
	if (is(FAULT_EXEC_KEEPS_LOCKS))
		restore_locks();
	if (is(FAULT_FORK_SHARES_PROTECTION)) {
		struct sigaction sa;
		/* Made now, before the case maps anything: its page must not
		 * land in a hole the case keeps, or differ between processes. */
		void *m = real_mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
				    -1, 0);

		mailbox = m == MAP_FAILED ? NULL : m;
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_peer_mprotect;
		sa.sa_flags = SA_RESTART;
		sigemptyset(&sa.sa_mask);
		real_sigaction(SIGURG, &sa, NULL);
	}
}

/* ---------------------------------------------------------------- mmap */
static int shared_anon_fd = -1;
static size_t shared_anon_size;
static int empty_fd = -1;

#define ANON_SKEW 16	/* the header of a malloc-based anonymous mmap() */

static int bend_prot(int prot)
{
	if (is(FAULT_PROT_NONE_READABLE) && prot == PROT_NONE)
		return PROT_READ | PROT_EXEC;
	if (is(FAULT_READ_ONLY_WRITABLE) && (prot & PROT_READ) && !(prot & PROT_WRITE))
		return prot | PROT_WRITE;
	if (is(FAULT_READ_IMPLIES_EXEC) && (prot & PROT_READ))
		return prot | PROT_EXEC;
	return prot;
}

/* private-writes-reach-file: a read-write descriptor of the same file, so
 * that the shared stand-in takes stores even where the case's is read-only
 * (root may open the file for writing). */
static int reopen_rw(int fd)
{
	char self[64];

	snprintf(self, sizeof(self), "/proc/self/fd/%d", fd);
	return open(self, O_RDWR | O_CLOEXEC);
}

static void *stale_reuse(size_t len, int prot, int flags);

/* The errors a broken mmap() reports before it maps anything. */
static int refuse_mmap(size_t len, int prot, int flags, int fd, off_t off)
{
	struct stat st;

	if (is(FAULT_WRITE_ONLY_REFUSED) && (prot & PROT_WRITE) && !(prot & PROT_READ))
		return ENOTSUP;
	if (!is_file(flags, fd))
		return 0;
	if (is(FAULT_RDONLY_FD_SHARED_REFUSED) && (flags & MAP_KIND) == MAP_SHARED &&
	    open_mode(fd) == O_RDONLY)
		return EACCES;
	if (is(FAULT_PRIVATE_RDONLY_REFUSED) && (flags & MAP_KIND) == MAP_PRIVATE &&
	    (prot & PROT_WRITE) && open_mode(fd) == O_RDONLY)
		return EACCES;
#ifdef F_GET_SEALS
	if (is(FAULT_SEALED_PRIVATE_REFUSED) && (flags & MAP_KIND) == MAP_PRIVATE &&
	    (prot & PROT_WRITE)) {
		int seals = fcntl(fd, F_GET_SEALS);
		int write_seals = F_SEAL_WRITE;
#ifdef F_SEAL_FUTURE_WRITE
		write_seals |= F_SEAL_FUTURE_WRITE;
#endif
		if (seals > 0 && (seals & write_seals))
			return EPERM;
	}
#endif
	/* A kernel that wants [off, off+len) inside the object's current pages. */
	if (is(FAULT_PAST_EOF_REFUSED) && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    off >= 0 && (uintmax_t)off + round_up(len) > round_up((size_t)st.st_size))
		return ENXIO;
	return 0;
}

static void *bent_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	void *p;
	int want_prot = prot, err;

	if (is(FAULT_DEFAULT_PRIVATE) && !(flags & MAP_KIND))
		flags |= MAP_PRIVATE;
#ifdef MAP_SHARED_VALIDATE
	if (is(FAULT_VALIDATE_IGNORED) && (flags & MAP_SHARED_VALIDATE) == MAP_SHARED_VALIDATE) {
		/* Unknown bits dropped, as plain MAP_SHARED does. */
		p = real_mmap(addr, len, prot, flags, fd, off);
		if (p == MAP_FAILED && errno == EOPNOTSUPP)
			p = real_mmap(addr, len, prot,
				      (flags & ~MAP_SHARED_VALIDATE) | MAP_SHARED, fd, off);
		return p;
	}
#endif
#ifdef MAP_NORESERVE
	if (is(FAULT_NORESERVE_IGNORED))
		flags &= ~MAP_NORESERVE;
	if (is(FAULT_OVERCOMMIT_ALWAYS))
		flags |= MAP_NORESERVE;
#endif
	if (is(FAULT_HINT_IS_FIXED) && addr && !(flags & MAP_FIXED)
#ifdef MAP_FIXED_NOREPLACE
	    && !(flags & MAP_FIXED_NOREPLACE)
#endif
	)
		flags |= MAP_FIXED;
	if (is(FAULT_ZERO_LENGTH_ACCEPTED) && len == 0)
		len = pg;
	if (is(FAULT_LENGTH_ROUNDED_DOWN) && is_file(flags, fd) && len > pg && len % pg)
		len -= len % pg;
	if ((err = refuse_mmap(len, prot, flags, fd, off)) != 0) {
		errno = err;
		return MAP_FAILED;
	}
	if (is(FAULT_ANON_RESULT_UNALIGNED) && (flags & MAP_ANONYMOUS) && !addr &&
	    !(flags & MAP_FIXED) && len % pg && len < SIZE_MAX - ANON_SKEW) {
		p = real_mmap(NULL, len + ANON_SKEW, prot, flags, fd, off);
		if (p == MAP_FAILED)
			return p;
		track((char *)p + ANON_SKEW, len, prot, flags, -1, 0);
		return (char *)p + ANON_SKEW;
	}
	if (is(FAULT_OFFSET_IGNORED) && is_file(flags, fd))
		off = 0;
	if (is(FAULT_PRIVATE_WRITES_REACH_FILE) && is_file(flags, fd) &&
	    (flags & MAP_KIND) == MAP_PRIVATE) {
		int rw = open_mode(fd) == O_RDONLY ? reopen_rw(fd) : -1;
		p = real_mmap(addr, len, prot, (flags & ~MAP_KIND) | MAP_SHARED,
			      rw >= 0 ? rw : fd, off);
		if (rw >= 0)
			real_close(rw);
		if (p != MAP_FAILED)
			return p;
	}
	if (is(FAULT_SHARED_FILE_COPIES) && is_file(flags, fd) &&
	    (flags & MAP_KIND) == MAP_SHARED)
		return real_mmap(addr, len, prot, (flags & ~MAP_KIND) | MAP_PRIVATE, fd, off);
	if (is(FAULT_WRITEBACK_ON_SYNC_ONLY) && is_file(flags, fd) &&
	    (flags & MAP_KIND) == MAP_SHARED) {
		/* An emulated mmap: read the file now, write it back at msync/munmap. */
		struct stat st;
		if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))
			return real_mmap(addr, len, prot, flags, fd, off);
		if (open_mode(fd) == O_RDONLY && (prot & PROT_WRITE)) {
			errno = EACCES;
			return MAP_FAILED;
		}
		p = real_mmap(addr, len, PROT_READ | PROT_WRITE,
			      (flags & ~MAP_KIND) | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED)
			return p;
		if (off < st.st_size) {
			size_t n = (size_t)(st.st_size - off) < len ? (size_t)(st.st_size - off) : len;
			if (pread(fd, p, n, off) < 0) {
				/* as lossy as the emulation it imitates */
			}
		}
		real_mprotect(p, len, prot);
		track(p, len, prot, flags, fd, off);
		return p;
	}
	if (is(FAULT_SHARED_ANON_PRIVATE) && (flags & MAP_ANONYMOUS) &&
	    (flags & MAP_KIND) == MAP_SHARED)
		flags = (flags & ~MAP_KIND) | MAP_PRIVATE;
	if (is(FAULT_SHARED_ANON_ALIASED) && (flags & MAP_KIND) == MAP_SHARED &&
	    is_anon(flags, fd)) {
		if (shared_anon_fd < 0)
			shared_anon_fd = temp_fd("alias");
		if (shared_anon_fd >= 0) {
			if (len > shared_anon_size && real_ftruncate(shared_anon_fd, (off_t)len) == 0)
				shared_anon_size = len;
			return real_mmap(addr, len, prot, flags & ~MAP_ANONYMOUS,
					 shared_anon_fd, 0);
		}
	}
	if (is(FAULT_EOF_NO_SIGBUS) && is_file(flags, fd)) {
		struct stat st;
		off_t end = off + (off_t)round_up(len);
		if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size < end) {
			if (real_ftruncate(fd, end) < 0) {
				int rw = reopen_rw(fd);
				if (rw >= 0) {
					real_ftruncate(rw, end);
					real_close(rw);
				}
			}
		}
	}
	if (is(FAULT_ANON_STALE_REUSE) && (flags & MAP_ANONYMOUS) && !addr &&
	    (p = stale_reuse(len, prot, flags)) != NULL)
		return p;

	prot = bend_prot(prot);
	p = real_mmap(addr, len, prot, flags, fd, off);
	if (p == MAP_FAILED && prot != want_prot && (errno == EACCES || errno == EPERM) &&
	    (prot & PROT_EXEC) && !(want_prot & PROT_EXEC)) {
		/* A noexec file: the rest of the bent protection still applies. */
		prot &= ~PROT_EXEC;
		p = real_mmap(addr, len, prot, flags, fd, off);
	}
	if (p == MAP_FAILED && prot != want_prot && errno == EACCES &&
	    is(FAULT_READ_ONLY_WRITABLE) && (flags & MAP_KIND) == MAP_SHARED)
		/* The file is read-only: a writable private copy "works" too. */
		p = real_mmap(addr, len, prot, (flags & ~MAP_KIND) | MAP_PRIVATE, fd, off);
	if (p == MAP_FAILED && prot != want_prot && errno == EACCES)
		p = real_mmap(addr, len, want_prot, flags, fd, off);
	if (p == MAP_FAILED && errno == EPERM && is(FAULT_NOEXEC_IGNORED) &&
	    (prot & PROT_EXEC) && is_file(flags, fd) && on_noexec_mount(fd))
		p = real_mmap(addr, len, prot & ~PROT_EXEC, flags, fd, off);
	if (p == MAP_FAILED && errno == EACCES && is_file(flags, fd)) {
		int mode = open_mode(fd);
		if (is(FAULT_WRONLY_FD_MAPPABLE) && mode == O_WRONLY)
			p = real_mmap(addr, len, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		else if (is(FAULT_RDONLY_FD_SHARED_WRITABLE) && mode == O_RDONLY &&
			 (flags & MAP_KIND) == MAP_SHARED && (prot & PROT_WRITE))
			p = real_mmap(addr, len, prot, (flags & ~MAP_KIND) | MAP_PRIVATE, fd, off);
		if (p == MAP_FAILED)
			errno = EACCES;
	}
	if (p == MAP_FAILED)
		return p;

	if (is(FAULT_FILE_PAGES_MISORDERED) && is_file(flags, fd) && len >= 2 * pg) {
		size_t n = (len + pg - 1) / pg;
		for (size_t i = 0; i < n; i++)
			real_mmap((char *)p + i * pg, pg, prot, flags | MAP_FIXED, fd,
				  off + (off_t)((n - 1 - i) * pg));
	}
	if (is(FAULT_EOF_PAGE_SIGBUS) && is_file(flags, fd) && (flags & MAP_KIND) == MAP_PRIVATE) {
		/* The page holding end-of-file becomes a page past the end of an
		 * empty file: every access to it raises SIGBUS.  (The private
		 * fault path is the broken one: shared mappings are right.) */
		struct stat st;
		if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size % (off_t)pg) {
			off_t eof_page = st.st_size / (off_t)pg * (off_t)pg;
			if (empty_fd < 0)
				empty_fd = temp_fd("empty");
			if (empty_fd >= 0 && eof_page >= off && eof_page < off + (off_t)round_up(len))
				real_mmap((char *)p + (eof_page - off), pg, prot,
					  MAP_SHARED | MAP_FIXED, empty_fd, 0);
		}
	}
	if (is(FAULT_ANON_PAGES_ALIASED) && (flags & MAP_KIND) == MAP_PRIVATE &&
	    prot != PROT_NONE && len >= 2 * pg && len <= (64u << 20) && is_anon(flags, fd)) {
		int one = temp_fd("page");
		if (one >= 0) {
			if (real_ftruncate(one, (off_t)pg) == 0)
				for (size_t i = 0; i < len; i += pg)
					real_mmap((char *)p + i, pg, prot, MAP_SHARED | MAP_FIXED, one, 0);
			real_close(one);
		}
	}
	if (is(FAULT_ANON_NOT_ZEROED) && is_anon(flags, fd)) {
		size_t n = len < 64 * pg ? len : 64 * pg;
		if (!(prot & PROT_WRITE))
			real_mprotect(p, n, PROT_READ | PROT_WRITE);
		memset(p, 0xa5, n);
		if (!(prot & PROT_WRITE))
			real_mprotect(p, n, prot);
	}
	if (is(FAULT_MUNMAP_KEEPS_LOCK) && was_locked((uintptr_t)p, len))
		real_mlock(p, len);	/* the lock the old mapping left behind */
	track(p, len, want_prot, flags, is_file(flags, fd) ? fd : -1, off);
	return p;
}

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	int errno_before = errno;
	void *p;

	resolve();
	if (fault == FAULT_NONE)
		return real_mmap(addr, len, prot, flags, fd, off);
	p = bent_mmap(addr, len, prot, flags, fd, off);
	if (p == MAP_FAILED && is(FAULT_MMAP_ERRNO_EINVAL))
		errno = EINVAL;
	if (p == MAP_FAILED && is(FAULT_MMAP_ERRNO_KEPT))
		errno = errno_before;
	return p;
}

/* anon-stale-reuse: munmap() parks private anonymous memory here ... */
#define MAX_PARKED 16
static struct {
	void *addr;
	size_t len;
} parked[MAX_PARKED];
static int nparked;

/* ... and mmap() hands it out again, old bytes and all. */
static void *stale_reuse(size_t len, int prot, int flags)
{
	size_t want = round_up(len);

	if ((flags & MAP_KIND) != MAP_PRIVATE)
		return NULL;
	for (int i = 0; i < nparked; i++) {
		if (parked[i].len == want) {
			void *p = parked[i].addr;
			parked[i] = parked[--nparked];
			real_mprotect(p, want, prot);
			track(p, len, prot, flags, -1, 0);
			return p;
		}
	}
	return NULL;
}

/* writeback-on-sync-only: copy what the private stand-in holds to the file. */
static void write_back(uintptr_t a, size_t len)
{
	for (int i = 0; i < ntracked; i++) {
		struct tracked *t = &tracked[i];
		struct stat st;
		if (t->fd < 0 || !(t->flags & MAP_SHARED) || !(t->prot & PROT_READ))
			continue;
		uintptr_t lo = a > t->addr ? a : t->addr;
		uintptr_t hi = a + len < t->addr + t->len ? a + len : t->addr + t->len;
		if (lo >= hi || fstat(t->fd, &st) < 0)
			continue;
		off_t off = t->off + (off_t)(lo - t->addr);
		if (off >= st.st_size)
			continue;
		size_t n = hi - lo;
		if (off + (off_t)n > st.st_size)
			n = (size_t)(st.st_size - off);
		if (pwrite(t->fd, (void *)lo, n, off) < 0) {
			/* as lossy as the emulation it imitates */
		}
	}
}

/* -------------------------------------------------------------- munmap */
static int range_has_holes(void *addr, size_t len)
{
	uintptr_t a = (uintptr_t)addr & ~(uintptr_t)(pg - 1);
	size_t n = round_up((uintptr_t)addr + len) - a;

	return real_msync((void *)a, n, MS_ASYNC) < 0 && errno == ENOMEM;
}

int munmap(void *addr, size_t len)
{
	uintptr_t a = (uintptr_t)addr;

	resolve();
	if (fault == FAULT_NONE)
		return real_munmap(addr, len);
	if (is(FAULT_MUNMAP_NOOP))
		return 0;
	if (is(FAULT_MUNMAP_ZERO_OK) && len == 0)
		return 0;
	if ((is(FAULT_MUNMAP_UNALIGNED_OK) && (a % pg)) ||
	    (is(FAULT_ANON_RESULT_UNALIGNED) && a % pg == ANON_SKEW)) {
		len += a % pg;
		a -= a % pg;
	}
	if (is(FAULT_MUNMAP_ROUNDS_DOWN) && len % pg) {
		len -= len % pg;
		if (!len)
			return 0;
	}
	if (is(FAULT_MUNMAP_FIRST_PAGE_ONLY) && len > pg)
		len = pg;
	if (is(FAULT_MUNMAP_OVERREACH) && len && !(a % pg))
		len = round_up(len) + pg;
	if (is(FAULT_MUNMAP_HOLE_EINVAL) && len && !(a % pg) && range_has_holes((void *)a, len)) {
		errno = EINVAL;
		return -1;
	}
	if (is(FAULT_WRITEBACK_ON_SYNC_ONLY))
		write_back(a, len);
	if (is(FAULT_ANON_STALE_REUSE) && !(a % pg) && nparked < MAX_PARKED) {
		struct tracked *t = find_tracked(a);
		if (t && t->addr == a && (t->flags & MAP_ANONYMOUS) &&
		    (t->flags & MAP_KIND) == MAP_PRIVATE && round_up(len) == t->len) {
			parked[nparked].addr = (void *)a;
			parked[nparked].len = t->len;
			nparked++;
			untrack(a, t->len);
			return 0;
		}
	}
	int r = real_munmap((void *)a, len);
	if (r == 0) {
		untrack(a, round_up(len));
		if (!is(FAULT_MUNMAP_KEEPS_LOCK))
			forget_locks(a, round_up(len));
	}
	return r;
}

/* ------------------------------------------------------------ mprotect */
/* prot-none-discards: the pages go as if zapped: a private mapping is
 * back to zero (or to its file), shared memory is punched out. */
static void discard(uintptr_t a, size_t len)
{
	struct tracked *t = find_tracked(a);

	if (!t)
		return;
	if ((t->flags & MAP_KIND) == MAP_PRIVATE) {
		real_madvise((void *)a, len, MADV_DONTNEED);
		return;
	}
#ifdef MADV_REMOVE
	if (real_madvise((void *)a, len, MADV_REMOVE) == 0)
		return;
#endif
	if (real_mprotect((void *)a, len, PROT_READ | PROT_WRITE) == 0)
		memset((void *)a, 0, len);
}

/* stale-exec-page: what an executable page held when it stopped being
 * executable; instruction fetch sees it again when execute comes back. */
#define MAX_STALE 8
static struct {
	uintptr_t addr;
	size_t len;
	void *bytes;
} stale[MAX_STALE];
static int nstale;

static void remember_exec_bytes(uintptr_t a, size_t len)
{
	struct tracked *t = find_tracked(a);
	void *copy;

	if (!t || !(t->prot & PROT_EXEC) || !(t->prot & PROT_READ) || nstale == MAX_STALE ||
	    len > 16 * pg || (copy = malloc(len)) == NULL)
		return;
	memcpy(copy, (void *)a, len);
	stale[nstale].addr = a;
	stale[nstale].len = len;
	stale[nstale].bytes = copy;
	nstale++;
}

static void bring_back_exec_bytes(uintptr_t a, size_t len, int prot)
{
	for (int i = 0; i < nstale; i++) {
		if (stale[i].addr != a || stale[i].len != len)
			continue;
		if (real_mprotect((void *)a, len, PROT_READ | PROT_WRITE) == 0) {
			memcpy((void *)a, stale[i].bytes, len);
			real_mprotect((void *)a, len, prot);
		}
		free(stale[i].bytes);
		stale[i--] = stale[--nstale];
	}
}

static void tell_peers(uintptr_t a, size_t len, int prot);

int mprotect(void *addr, size_t len, int prot)
{
	uintptr_t a = (uintptr_t)addr;
	int want = prot;

	resolve();
	if (fault == FAULT_NONE)
		return real_mprotect(addr, len, prot);
	if (is(FAULT_MPROTECT_NOOP))
		return 0;
	if (is(FAULT_WRITE_ONLY_REFUSED) && (prot & PROT_WRITE) && !(prot & PROT_READ)) {
		errno = ENOTSUP;
		return -1;
	}
	if (is(FAULT_MPROTECT_UNALIGNED_OK) && (a % pg)) {
		len += a % pg;
		a -= a % pg;
	}
	if (is(FAULT_MPROTECT_WHOLE_MAPPING)) {
		struct tracked *t = find_tracked(a);
		if (t) {
			a = t->addr;
			len = t->len;
		}
	}
	if (is(FAULT_PROT_NONE_DISCARDS) && !(prot & PROT_READ))
		discard(a, len);
	if (is(FAULT_STALE_EXEC_PAGE) && !(prot & PROT_EXEC))
		remember_exec_bytes(a, len);
	prot = bend_prot(prot);
	int r = real_mprotect((void *)a, len, prot);
	if (r < 0 && errno == EACCES && prot != want && (prot & PROT_EXEC) && !(want & PROT_EXEC)) {
		/* A noexec file: the rest of the bent protection still applies. */
		prot &= ~PROT_EXEC;
		r = real_mprotect((void *)a, len, prot);
	}
	if (r < 0 && errno == EACCES && prot != want)
		r = real_mprotect((void *)a, len, want);
	if (r < 0 && errno == EACCES && is(FAULT_NOEXEC_IGNORED) && (prot & PROT_EXEC)) {
		struct tracked *t = find_tracked(a);
		if (t && on_noexec_mount(t->fd))
			r = real_mprotect((void *)a, len, prot & ~PROT_EXEC);
	}
	if (r < 0 && errno == EACCES && is(FAULT_MPROTECT_RDONLY_SHARED_OK))
		return 0;
	if (r < 0 && errno == ENOMEM && is(FAULT_MPROTECT_HOLE_OK)) {
		for (size_t off = 0; off < len; off += pg)
			real_mprotect((void *)(a + off), pg, prot);
		return 0;
	}
	if (r == 0) {
		struct tracked *t = find_tracked(a);
		if (t && t->addr == a && t->len <= len)
			t->prot = want;
		if (is(FAULT_FORK_SHARES_PROTECTION))
			tell_peers(a, len, prot);
		if (is(FAULT_STALE_EXEC_PAGE) && (prot & PROT_EXEC))
			bring_back_exec_bytes(a, len, prot);
	}
	return r;
}

/* --------------------------------------------------------------- msync */
int msync(void *addr, size_t len, int flags)
{
	resolve();
	if (is(FAULT_WRITEBACK_ON_SYNC_ONLY))
		write_back((uintptr_t)addr, len);
	return real_msync(addr, len, flags);
}

/* --------------------------------------------------------------- close */
int close(int fd)
{
	resolve();
	if (is(FAULT_CLOSE_UNMAPS) && fd >= 0) {
		for (int i = 0; i < ntracked; i++) {
			if (tracked[i].user_fd == fd && tracked[i].fd >= 0) {
				real_munmap((void *)tracked[i].addr, tracked[i].len);
				real_close(tracked[i].fd);
				tracked[i--] = tracked[--ntracked];
			}
		}
	}
	return real_close(fd);
}

/* ----------------------------------------------------------- ftruncate */
int ftruncate(int fd, off_t len)
{
	struct stat st;

	resolve();
	if (is(FAULT_TRUNCATE_KEEPS_PAGES) && fstat(fd, &st) == 0 && len < st.st_size)
		return 0;
	if (is(FAULT_TRUNCATE_DROPS_LAST_PAGE) && len > 0 && fstat(fd, &st) == 0 &&
	    len < st.st_size) {
		/* The page cache is cut one page too early: the page before the
		 * new end goes too, and reads back as zero (as on tmpfs). */
		static const char zeroes[4096];
		off_t from = (len - 1) / (off_t)pg * (off_t)pg;
		while (from < len) {
			size_t n = (size_t)(len - from) < sizeof(zeroes) ? (size_t)(len - from)
									 : sizeof(zeroes);
			if (pwrite(fd, zeroes, n, from) <= 0)
				break;
			from += (off_t)n;
		}
	}
	return real_ftruncate(fd, len);
}

/* ---------------------------------------------------------------- sbrk */
void *sbrk(intptr_t increment)
{
	void *p;

	resolve();
	p = real_sbrk(increment);
	if (is(FAULT_BRK_NOT_ZEROED) && p != (void *)-1 && increment > 0)
		memset(p, 0xa5, (size_t)increment);
	return p;
}

/* --------------------------------------------------------------- mlock */
int mlock(const void *addr, size_t len)
{
	int r;

	resolve();
	r = real_mlock(addr, len);
	if (r == 0 && tracks_locks() && nlocked < MAX_LOCKED) {
		uintptr_t a = (uintptr_t)addr & ~(uintptr_t)(pg - 1);
		locked[nlocked].addr = a;
		locked[nlocked].len = round_up((uintptr_t)addr + len) - a;
		nlocked++;
	}
	return r;
}

int munlock(const void *addr, size_t len)
{
	int r;

	resolve();
	r = real_munlock(addr, len);
	if (r == 0)
		forget_locks((uintptr_t)addr & ~(uintptr_t)(pg - 1), round_up(len) + pg);
	return r;
}

int mlockall(int flags)
{
	int r;

	resolve();
	r = real_mlockall(flags);
	if (r == 0)
		lockall_flags |= flags & (MCL_CURRENT | MCL_FUTURE);
	return r;
}

int munlockall(void)
{
	int r;

	resolve();
	r = real_munlockall();
	if (r == 0) {
		nlocked = 0;
		lockall_flags = 0;
	}
	return r;
}

/* ---------------------------------------------------------------- fork */
/* Replace a private mapping with shared memory holding the same bytes. */
static void make_shared(struct tracked *t)
{
	void *copy = malloc(t->len);

	if (!copy)
		return;
	memcpy(copy, (void *)t->addr, t->len);
	if (real_mmap((void *)t->addr, t->len, PROT_READ | PROT_WRITE,
		      MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != MAP_FAILED) {
		memcpy((void *)t->addr, copy, t->len);
		real_mprotect((void *)t->addr, t->len, t->prot);
		t->flags = (t->flags & ~MAP_KIND) | MAP_SHARED;
	}
	free(copy);
}

/*
 * fork-shares-protection: the processes of a fork share one mailbox page;
 * an mprotect() of inherited memory is posted there, the peers (the parent
 * and the children) are woken with SIGURG (ignored by default, so an image
 * that knows nothing of it is safe) and apply it before the caller goes on.
 */
#define MAX_PEERS 16
#define MAX_INHERITED 64
struct mailbox {
	volatile uintptr_t addr;
	volatile size_t len;
	volatile int prot;
	volatile unsigned seq, ack;
};
static pid_t peers[MAX_PEERS];
static int npeers;
static pid_t parent_peer;
static struct {
	uintptr_t addr;
	size_t len;
} inherited[MAX_INHERITED];
static int ninherited;

static void on_peer_mprotect(int sig)
{
	int saved = errno;

	(void)sig;
	if (mailbox && mailbox->ack != mailbox->seq) {
		real_mprotect((void *)mailbox->addr, mailbox->len, mailbox->prot);
		mailbox->ack = mailbox->seq;
	}
	errno = saved;
}

static int was_inherited(uintptr_t a, size_t len)
{
	for (int i = 0; i < ninherited; i++)
		if (a >= inherited[i].addr && a + len <= inherited[i].addr + inherited[i].len)
			return 1;
	return 0;
}

static void tell_peers(uintptr_t a, size_t len, int prot)
{
	if (!mailbox || !was_inherited(a, len))
		return;
	for (int i = 0; i < npeers; i++) {
		if (peers[i] == parent_peer && getppid() != parent_peer)
			continue;	/* the parent is gone */
		mailbox->addr = a;
		mailbox->len = len;
		mailbox->prot = prot;
		mailbox->seq++;
		if (kill(peers[i], SIGURG) < 0)
			continue;
		/* Wait (up to 100 ms: the peer may have exited or exec'd) until
		 * the peer has applied it, so the change is there before the
		 * caller tells anyone. */
		for (int n = 0; n < 1000 && mailbox->ack != mailbox->seq; n++) {
			struct timespec ts = { 0, 100000 };
			nanosleep(&ts, NULL);
		}
		mailbox->ack = mailbox->seq;
	}
}

static void before_fork(void)
{
	if (is(FAULT_FORK_SHARES_PRIVATE))
		for (int i = 0; i < ntracked; i++)
			if ((tracked[i].flags & MAP_ANONYMOUS) &&
			    (tracked[i].flags & MAP_KIND) == MAP_PRIVATE &&
			    (tracked[i].prot & PROT_READ) && (tracked[i].prot & PROT_WRITE))
				make_shared(&tracked[i]);
	if (is(FAULT_FORK_SHARES_PROTECTION)) {
		ninherited = 0;
		for (int i = 0; i < ntracked && ninherited < MAX_INHERITED; i++) {
			inherited[ninherited].addr = tracked[i].addr;
			inherited[ninherited].len = tracked[i].len;
			ninherited++;
		}
	}
}

static void in_child_after_fork(pid_t parent)
{
	for (int i = 0; i < ntracked; i++) {
		struct tracked *t = &tracked[i];
		if (is(FAULT_FORK_DROPS_MAPPINGS))
			real_munmap((void *)t->addr, t->len);
		else if (is(FAULT_FORK_WIPES_MEMORY) && (t->flags & MAP_ANONYMOUS) &&
			 (t->flags & MAP_KIND) == MAP_PRIVATE && (t->prot & PROT_WRITE))
			memset((void *)t->addr, 0, t->len);
		else if (is(FAULT_FORK_LOSES_PROTECTION) && t->prot != PROT_NONE)
			real_mprotect((void *)t->addr, t->len, t->prot | PROT_READ | PROT_WRITE);
	}
	if (is(FAULT_FORK_DROPS_MAPPINGS))
		ntracked = 0;
	if (is(FAULT_FORK_KEEPS_LOCKS)) {
		for (int i = 0; i < nlocked; i++)
			real_mlock((void *)locked[i].addr, locked[i].len);
		if (lockall_flags)
			real_mlockall(lockall_flags);
	}
	if (is(FAULT_FORK_SHARES_PROTECTION)) {
		peers[0] = parent_peer = parent;
		npeers = 1;
	}
}

pid_t fork(void)
{
	pid_t pid, parent = getpid();

	resolve();
	before_fork();
	pid = real_fork();
	if (pid == 0)
		in_child_after_fork(parent);
	else if (pid > 0 && is(FAULT_FORK_SHARES_PROTECTION) && npeers < MAX_PEERS)
		peers[npeers++] = pid;
	return pid;
}

/* ---------------------------------------------------------------- exec */
int execv(const char *path, char *const argv[])
{
	resolve();
	before_exec();
	return real_execv(path, argv);
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	resolve();
	if (envp == environ) {
		before_exec();
		return real_execve(path, argv, environ);
	}
	return real_execve(path, argv, envp);
}

/* ----------------------------------------------------------- sigaction */
/* past-mapping-sigbus: the case's SIGSEGV handler sits behind ours, which
 * turns a SEGV_MAPERR in the page just past a file mapping into the SIGBUS
 * of a reference past end-of-file, as a kernel would whose fault handler
 * took that page for part of the mapping. */
static struct sigaction case_segv;
static volatile sig_atomic_t segv_bent;

static int just_past_file_mapping(uintptr_t a)
{
	for (int i = 0; i < ntracked; i++) {
		const struct tracked *t = &tracked[i];
		if (t->fd >= 0 && !(t->flags & MAP_ANONYMOUS) && a >= t->addr + t->len &&
		    a < t->addr + t->len + pg)
			return 1;
	}
	return 0;
}

static void bend_segv(int sig, siginfo_t *si, void *uc)
{
	struct sigaction bus, dfl;

	memset(&dfl, 0, sizeof(dfl));
	dfl.sa_handler = SIG_DFL;
	if (si->si_code == SEGV_MAPERR && just_past_file_mapping((uintptr_t)si->si_addr)) {
		siginfo_t forged = *si;

		forged.si_signo = SIGBUS;
		forged.si_code = BUS_ADRERR;
		real_sigaction(SIGBUS, NULL, &bus);
		if ((bus.sa_flags & SA_SIGINFO) && bus.sa_sigaction) {
			bus.sa_sigaction(SIGBUS, &forged, uc);
			return;
		}
		if (bus.sa_handler != SIG_DFL && bus.sa_handler != SIG_IGN) {
			bus.sa_handler(SIGBUS);
			return;
		}
		real_sigaction(SIGBUS, &dfl, NULL);
		raise(SIGBUS);
		return;
	}
	if (case_segv.sa_flags & SA_SIGINFO)
		case_segv.sa_sigaction(sig, si, uc);
	else if (case_segv.sa_handler != SIG_DFL && case_segv.sa_handler != SIG_IGN)
		case_segv.sa_handler(sig);
	else
		real_sigaction(SIGSEGV, &dfl, NULL);	/* the access faults again, and kills */
}

int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	struct sigaction before;
	int r;

	resolve();
	if (!is(FAULT_PAST_MAPPING_SIGBUS) || sig != SIGSEGV)
		return real_sigaction(sig, act, old);
	if (real_sigaction(SIGSEGV, NULL, &before) < 0)
		return -1;
	if (segv_bent && (before.sa_flags & SA_SIGINFO) && before.sa_sigaction == bend_segv)
		before = case_segv;
	if (act && (act->sa_flags & SA_SIGINFO ? act->sa_sigaction != NULL
					       : act->sa_handler != SIG_DFL &&
						 act->sa_handler != SIG_IGN)) {
		struct sigaction mine = *act;

		mine.sa_flags |= SA_SIGINFO;
		mine.sa_sigaction = bend_segv;
		segv_bent = 0;
		case_segv = *act;
		r = real_sigaction(SIGSEGV, &mine, NULL);
		segv_bent = r == 0;
	} else {
		r = act ? real_sigaction(SIGSEGV, act, NULL) : 0;
		if (act && r == 0)
			segv_bent = 0;
	}
	if (r == 0 && old)
		*old = before;
	return r;
}

/* ---------------------------------------------------------- read/write */
/* syscall-ignores-prot: where the kernel said EFAULT, open the pages up,
 * do the transfer anyway, and close them again. */
static void open_up(const void *buf, size_t n, int prot, int restore)
{
	uintptr_t a = (uintptr_t)buf & ~(uintptr_t)(pg - 1);
	size_t len = round_up((uintptr_t)buf + n) - a;
	struct tracked *t = find_tracked(a);

	real_mprotect((void *)a, len, restore ? (t ? t->prot : PROT_READ) : prot);
}

ssize_t read(int fd, void *buf, size_t n)
{
	resolve();
	ssize_t r = real_read(fd, buf, n);
	if (r < 0 && errno == EFAULT && is(FAULT_SYSCALL_IGNORES_PROT) && find_tracked((uintptr_t)buf)) {
		open_up(buf, n, PROT_READ | PROT_WRITE, 0);
		r = real_read(fd, buf, n);
		open_up(buf, n, 0, 1);
	}
	return r;
}

ssize_t write(int fd, const void *buf, size_t n)
{
	resolve();
	ssize_t r = real_write(fd, buf, n);
	if (r < 0 && errno == EFAULT && is(FAULT_SYSCALL_IGNORES_PROT) && find_tracked((uintptr_t)buf)) {
		open_up(buf, n, PROT_READ, 0);
		r = real_write(fd, buf, n);
		open_up(buf, n, 0, 1);
	}
	return r;
}
