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
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
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
	pg = (size_t)sysconf(_SC_PAGESIZE);
	real_mmap = (void *(*)(void *, size_t, int, int, int, off_t))dlsym(RTLD_NEXT, "mmap");
}

static int is(enum mmapcts_fault f)
{
	return fault == f;
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

static void track(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	if (ntracked == MAX_TRACKED)
		return;
	tracked[ntracked].addr = (uintptr_t)addr;
	tracked[ntracked].len = (len + pg - 1) / pg * pg;
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

/* ---------------------------------------------------------------- exec */
/* exec-keeps-mappings: the old image's readable anonymous mappings go to a
 * file, and the new image maps them back at the same addresses. */
#define KEEP_ENV "MMAPCTS_FAULT_KEPT"
#define KEEP_BUDGET (8u << 20)

static char keep_var[4096];

static const char *save_mappings(void)
{
	const char *tmp = getenv("TMPDIR");
	char name[512];
	size_t used = 0, at = 0;
	int fd;

	snprintf(name, sizeof(name), "%s/mmapcts-fault-keep.XXXXXX", tmp ? tmp : "/tmp");
	fd = mkstemp(name);
	if (fd < 0)
		return NULL;
	unlink(name);
	at = (size_t)snprintf(keep_var, sizeof(keep_var), "%s=%d", KEEP_ENV, fd);
	for (int i = 0; i < ntracked; i++) {
		struct tracked *t = &tracked[i];
		if (!(t->flags & MAP_ANONYMOUS) || !(t->prot & PROT_READ) ||
		    used + t->len > KEEP_BUDGET || at + 64 > sizeof(keep_var))
			continue;
		if (pwrite(fd, (void *)t->addr, t->len, (off_t)used) != (ssize_t)t->len)
			continue;
		at += (size_t)snprintf(keep_var + at, sizeof(keep_var) - at, ",%lx:%zx:%zx:%x",
				       (unsigned long)t->addr, t->len, used, (unsigned)t->prot);
		used += t->len;
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
		size_t len, off;
		unsigned prot;
		if (sscanf(p + 1, "%lx:%zx:%zx:%x", &addr, &len, &off, &prot) != 4)
			continue;
		void *want = (void *)addr;
		void *got = real_mmap(want, len, (int)prot, MAP_PRIVATE, fd, (off_t)off);
		if (got != MAP_FAILED && got != want)
			real_munmap(got, len);	/* the address was taken: leave it */
	}
	close(fd);
	unsetenv(KEEP_ENV);
}

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
}

/* ---------------------------------------------------------------- mmap */
static int shared_anon_fd = -1;
static size_t shared_anon_size;

static int bend_prot(int prot)
{
	if (is(FAULT_PROT_NONE_READABLE) && prot == PROT_NONE)
		return PROT_READ;
	if (is(FAULT_READ_ONLY_WRITABLE) && (prot & PROT_READ) && !(prot & PROT_WRITE))
		return prot | PROT_WRITE;
	return prot;
}

static void *stale_reuse(size_t len, int prot, int flags);

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	void *p;
	int want_prot = prot;

	resolve();
	if (fault == FAULT_NONE)
		return real_mmap(addr, len, prot, flags, fd, off);

	if (is(FAULT_ZERO_LENGTH_ACCEPTED) && len == 0)
		len = pg;
	if (is(FAULT_OFFSET_IGNORED) && is_file(flags, fd))
		off = 0;
	if (is(FAULT_PRIVATE_WRITES_REACH_FILE) && is_file(flags, fd) &&
	    (flags & MAP_KIND) == MAP_PRIVATE) {
		p = real_mmap(addr, len, prot, (flags & ~MAP_KIND) | MAP_SHARED, fd, off);
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
	if (is(FAULT_SHARED_ANON_ALIASED) && (flags & MAP_ANONYMOUS) &&
	    (flags & MAP_KIND) == MAP_SHARED) {
		if (shared_anon_fd < 0) {
			char name[] = "/tmp/mmapcts-fault-alias.XXXXXX";
			shared_anon_fd = mkstemp(name);
			unlink(name);
		}
		if (shared_anon_fd >= 0) {
			if (len > shared_anon_size && real_ftruncate(shared_anon_fd, (off_t)len) == 0)
				shared_anon_size = len;
			return real_mmap(addr, len, prot, flags & ~MAP_ANONYMOUS,
					 shared_anon_fd, 0);
		}
	}
	if (is(FAULT_EOF_NO_SIGBUS) && is_file(flags, fd)) {
		struct stat st;
		off_t end = off + (off_t)((len + pg - 1) / pg * pg);
		if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size < end) {
			if (real_ftruncate(fd, end) < 0) {
				char self[64];
				snprintf(self, sizeof(self), "/proc/self/fd/%d", fd);
				int rw = open(self, O_RDWR);
				if (rw >= 0) {
					real_ftruncate(rw, end);
					close(rw);
				}
			}
		}
	}
	if (is(FAULT_PRIVATE_RDONLY_REFUSED) && is_file(flags, fd) &&
	    (flags & MAP_KIND) == MAP_PRIVATE && (prot & PROT_WRITE) && open_mode(fd) == O_RDONLY) {
		errno = EACCES;
		return MAP_FAILED;
	}
	if (is(FAULT_ANON_STALE_REUSE) && (flags & MAP_ANONYMOUS) && !addr &&
	    (p = stale_reuse(len, prot, flags)) != NULL)
		return p;

	prot = bend_prot(prot);
	p = real_mmap(addr, len, prot, flags, fd, off);
	if (p == MAP_FAILED && prot != want_prot && errno == EACCES &&
	    is(FAULT_READ_ONLY_WRITABLE) && (flags & MAP_KIND) == MAP_SHARED)
		/* The file is read-only: a writable private copy "works" too. */
		p = real_mmap(addr, len, prot, (flags & ~MAP_KIND) | MAP_PRIVATE, fd, off);
	if (p == MAP_FAILED && prot != want_prot && errno == EACCES)
		p = real_mmap(addr, len, want_prot, flags, fd, off);
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
	if (is(FAULT_ANON_PAGES_ALIASED) && (flags & MAP_ANONYMOUS) &&
	    (flags & MAP_KIND) == MAP_PRIVATE && prot != PROT_NONE && len >= 2 * pg &&
	    len <= (64u << 20)) {
		char name[512];
		const char *tmp = getenv("TMPDIR");
		snprintf(name, sizeof(name), "%s/mmapcts-fault-page.XXXXXX", tmp ? tmp : "/tmp");
		int one = mkstemp(name);
		if (one >= 0) {
			unlink(name);
			if (real_ftruncate(one, (off_t)pg) == 0)
				for (size_t i = 0; i < len; i += pg)
					real_mmap((char *)p + i, pg, prot, MAP_SHARED | MAP_FIXED, one, 0);
			real_close(one);
		}
	}
	if (is(FAULT_ANON_NOT_ZEROED) && (flags & MAP_ANONYMOUS)) {
		size_t n = len < 64 * pg ? len : 64 * pg;
		if (!(prot & PROT_WRITE))
			real_mprotect(p, n, PROT_READ | PROT_WRITE);
		memset(p, 0xa5, n);
		if (!(prot & PROT_WRITE))
			real_mprotect(p, n, prot);
	}
	track(p, len, want_prot, flags, is_file(flags, fd) ? fd : -1, off);
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
	size_t want = (len + pg - 1) / pg * pg;

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
	size_t n = ((uintptr_t)addr + len + pg - 1) / pg * pg - a;

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
	if (is(FAULT_MUNMAP_UNALIGNED_OK) && (a % pg)) {
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
		len = (len + pg - 1) / pg * pg + pg;
	if (is(FAULT_MUNMAP_HOLE_EINVAL) && len && !(a % pg) && range_has_holes((void *)a, len)) {
		errno = EINVAL;
		return -1;
	}
	if (is(FAULT_WRITEBACK_ON_SYNC_ONLY))
		write_back(a, len);
	if (is(FAULT_ANON_STALE_REUSE) && !(a % pg) && nparked < MAX_PARKED) {
		struct tracked *t = find_tracked(a);
		if (t && t->addr == a && (t->flags & MAP_ANONYMOUS) &&
		    (t->flags & MAP_KIND) == MAP_PRIVATE && (len + pg - 1) / pg * pg == t->len) {
			parked[nparked].addr = (void *)a;
			parked[nparked].len = t->len;
			nparked++;
			untrack(a, t->len);
			return 0;
		}
	}
	int r = real_munmap((void *)a, len);
	if (r == 0)
		untrack(a, (len + pg - 1) / pg * pg);
	return r;
}

/* ------------------------------------------------------------ mprotect */
int mprotect(void *addr, size_t len, int prot)
{
	uintptr_t a = (uintptr_t)addr;
	int want = prot;

	resolve();
	if (fault == FAULT_NONE)
		return real_mprotect(addr, len, prot);
	if (is(FAULT_MPROTECT_NOOP))
		return 0;
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
	if (is(FAULT_PROT_NONE_DISCARDS) && prot == PROT_NONE) {
		struct tracked *t = find_tracked(a);
		if (t && (t->flags & MAP_ANONYMOUS) && (t->flags & MAP_KIND) == MAP_PRIVATE)
			real_madvise((void *)a, len, MADV_DONTNEED);
	}
	prot = bend_prot(prot);
	int r = real_mprotect((void *)a, len, prot);
	if (r < 0 && errno == EACCES && prot != want)
		r = real_mprotect((void *)a, len, want);
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
	return real_ftruncate(fd, len);
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

static void in_child_after_fork(void)
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
}

pid_t fork(void)
{
	pid_t pid;

	resolve();
	if (is(FAULT_FORK_SHARES_PRIVATE))
		for (int i = 0; i < ntracked; i++)
			if ((tracked[i].flags & MAP_ANONYMOUS) &&
			    (tracked[i].flags & MAP_KIND) == MAP_PRIVATE &&
			    (tracked[i].prot & PROT_READ) && (tracked[i].prot & PROT_WRITE))
				make_shared(&tracked[i]);
	pid = real_fork();
	if (pid == 0)
		in_child_after_fork();
	return pid;
}

/* ---------------------------------------------------------------- exec */
int execv(const char *path, char *const argv[])
{
	resolve();
	if (is(FAULT_EXEC_KEEPS_MAPPINGS)) {
		const char *var = save_mappings();
		if (var)
			putenv((char *)var);
	}
	return real_execv(path, argv);
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	resolve();
	if (is(FAULT_EXEC_KEEPS_MAPPINGS) && envp == environ) {
		const char *var = save_mappings();
		if (var)
			putenv((char *)var);
		return real_execve(path, argv, environ);
	}
	return real_execve(path, argv, envp);
}

/* ---------------------------------------------------------- read/write */
/* syscall-ignores-prot: where the kernel said EFAULT, open the pages up,
 * do the transfer anyway, and close them again. */
static void open_up(const void *buf, size_t n, int prot, int restore)
{
	uintptr_t a = (uintptr_t)buf & ~(uintptr_t)(pg - 1);
	size_t len = ((uintptr_t)buf + n + pg - 1) / pg * pg - a;
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
