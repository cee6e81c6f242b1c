/*
 * interpose.c - the libc interfaces mmapcts-faults.so replaces.
 *
 * Each passes the call through when no fault is active; otherwise it hands
 * the call to the active fault's hook for that interface, if it has one,
 * and keeps the same books around it whatever the fault: the mappings the
 * case made (for the faults that act on them later) and the memory it
 * locked.  The books record what the case asked for, not what a fault did.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <unistd.h>

#include "internal.h"

extern char **environ;

#define MAX_LOCKED 32
struct ranges locked;
int lockall_flags;

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	void *p;

	void *(*hook)(void *, size_t, int, int, int, off_t);
	int anon, file, before = errno;

	reach(HOOK_mmap);
	if (!active && !tracing && !asleep)
		return real_mmap(addr, len, prot, flags, fd, off);
	anon = is_anon(flags, fd);
	file = is_file(flags, fd);
	if (anon)
		reach(HOOK_mmap_anon);
	if (file)
		reach(HOOK_mmap_file);
	if (!active) {
		if (tracing)
			trace_mmap_gates(addr, len, prot, flags, fd, off);
		p = real_mmap(addr, len, prot, flags, fd, off);
		if (p == MAP_FAILED)
			reach(HOOK_mmap_failed);
		else if (asleep)
			track(p, len, prot, flags, file ? fd : -1, off);
		return p;
	}
	hook = active->mmap;
	if (!hook && anon)
		hook = active->mmap_anon;
	if (!hook && file)
		hook = active->mmap_file;
	if (hook && !mmap_gate(active, addr, len, prot, flags, fd, off))
		hook = NULL;
	p = hook ? hook(addr, len, prot, flags, fd, off) : real_mmap(addr, len, prot, flags, fd, off);
	if (p == MAP_FAILED && active->mmap_failed)
		p = active->mmap_failed(addr, len, prot, flags, fd, off, before);
	if (p != MAP_FAILED)
		track(p, len, prot, flags, is_file(flags, fd) ? fd : -1, off);
	return p;
}

int munmap(void *addr, size_t len)
{
	int r;

	reach(HOOK_munmap);
	if (!active && !tracing && !asleep)
		return real_munmap(addr, len);
	if (!active) {
		if ((r = real_munmap(addr, len)) < 0)
			reach(HOOK_munmap_failed);
		else if (asleep)
			untrack((uintptr_t)addr, round_up(len));
		return r;
	}
	r = active->munmap ? active->munmap(addr, len) : real_munmap(addr, len);
	if (r < 0 && active->munmap_failed)
		r = active->munmap_failed(addr, len);
	if (r == 0) {
		untrack((uintptr_t)addr, round_up(len));
		ranges_forget(&locked, (uintptr_t)addr, round_up(len));
	}
	return r;
}

int mprotect(void *addr, size_t len, int prot)
{
	int r;

	reach(HOOK_mprotect);
	if (!active && !asleep)
		return real_mprotect(addr, len, prot);
	r = active && active->mprotect ? active->mprotect(addr, len, prot)
				       : real_mprotect(addr, len, prot);
	if (r == 0) {
		struct tracked *t = find_tracked((uintptr_t)addr);
		if (t && t->addr == (uintptr_t)addr && t->len <= len)
			t->prot = prot;
	}
	return r;
}

int msync(void *addr, size_t len, int flags)
{
	reach(HOOK_msync);
	if (active && active->msync)
		return active->msync(addr, len, flags);
	return real_msync(addr, len, flags);
}

int madvise(void *addr, size_t len, int advice)
{
	reach(HOOK_madvise);
	if (active && active->madvise)
		return active->madvise(addr, len, advice);
	return real_madvise(addr, len, advice);
}

int close(int fd)
{
	reach(HOOK_close);
	if (active && active->close)
		return active->close(fd);
	return real_close(fd);
}

int ftruncate(int fd, off_t len)
{
	reach(HOOK_ftruncate);
	if (active && active->ftruncate)
		return active->ftruncate(fd, len);
	return real_ftruncate(fd, len);
}

ssize_t read(int fd, void *buf, size_t n)
{
	ssize_t r;

	reach(HOOK_read);
	r = active && active->read ? active->read(fd, buf, n) : real_read(fd, buf, n);
	if (r < 0 && tracing)
		reach(HOOK_read_failed);
	if (r < 0 && active && active->read_failed)
		r = active->read_failed(fd, buf, n);
	return r;
}

ssize_t write(int fd, const void *buf, size_t n)
{
	ssize_t r;

	reach(HOOK_write);
	r = active && active->write ? active->write(fd, buf, n) : real_write(fd, buf, n);
	if (r < 0 && tracing)
		reach(HOOK_write_failed);
	if (r < 0 && active && active->write_failed)
		r = active->write_failed(fd, buf, n);
	return r;
}

void *sbrk(intptr_t increment)
{
	reach(HOOK_sbrk);
	if (active && active->sbrk)
		return active->sbrk(increment);
	return real_sbrk(increment);
}

pid_t fork(void)
{
	reach(HOOK_fork);
	if (active && active->fork)
		return active->fork();
	return real_fork();
}

/* Before the exec: the fault's exec hook, and the mark that has the new
 * image's library run its exec_start hook. */
static void before_exec(void)
{
	if (active && active->exec)
		active->exec();
	if (active && active->exec_start)
		setenv(EXECED_ENV, "1", 1);
}

int execv(const char *path, char *const argv[])
{
	reach(HOOK_exec);
	reach(HOOK_exec_start);
	before_exec();
	return real_execv(path, argv);
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	reach(HOOK_exec);
	reach(HOOK_exec_start);
	/* Only an image that inherits our environment gets what the fault
	 * puts there (which may move environ). */
	if (envp == environ) {
		before_exec();
		envp = environ;
	}
	return real_execve(path, argv, envp);
}

int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	reach(HOOK_sigaction);
	if (active && active->sigaction)
		return active->sigaction(sig, act, old);
	return real_sigaction(sig, act, old);
}

/* The locks are books, kept as the case asked for them; only mlock() is
 * bent by a fault. */
int mlock(const void *addr, size_t len)
{
	int r;

	reach(HOOK_mlock);
	r = active && active->mlock ? active->mlock(addr, len) : real_mlock(addr, len);
	if (r == 0 && active && locked.n < MAX_LOCKED) {
		uintptr_t a = (uintptr_t)addr & ~(uintptr_t)(pg - 1);
		ranges_add(&locked, a, round_up((uintptr_t)addr + len) - a);
	}
	return r;
}

int munlock(const void *addr, size_t len)
{
	int r;

	reach(HOOK_munlock);
	r = active && active->munlock ? active->munlock(addr, len) : real_munlock(addr, len);
	if (r == 0)
		ranges_forget(&locked, (uintptr_t)addr & ~(uintptr_t)(pg - 1), round_up(len) + pg);
	return r;
}

int mlock2(const void *addr, size_t len, unsigned int flags)
{
	int r;

	reach(HOOK_mlock2);
	if (!real_mlock2) {
		errno = ENOSYS;
		return -1;
	}
	r = active && active->mlock2 ? active->mlock2(addr, len, flags)
				     : real_mlock2(addr, len, flags);
	if (r == 0 && active && locked.n < MAX_LOCKED) {
		uintptr_t a = (uintptr_t)addr & ~(uintptr_t)(pg - 1);
		ranges_add(&locked, a, round_up((uintptr_t)addr + len) - a);
	}
	return r;
}

int mlockall(int flags)
{
	int r;

	reach(HOOK_mlockall);
	r = active && active->mlockall ? active->mlockall(flags) : real_mlockall(flags);
	if (r == 0)
		lockall_flags |= flags & (MCL_CURRENT | MCL_FUTURE);
	return r;
}

int munlockall(void)
{
	int r;

	reach(HOOK_munlockall);
	r = active && active->munlockall ? active->munlockall() : real_munlockall();
	if (r == 0) {
		locked.n = 0;
		lockall_flags = 0;
	}
	return r;
}

/* A move keeps the books: the mapping is now where mremap() put it, and
 * an old_len of 0 (a second view of a shared mapping) is one more. */
void *mremap(void *old, size_t old_len, size_t new_len, int flags, ...)
{
	void *new_addr = NULL, *p;
	struct tracked *t;

	if (flags & MREMAP_FIXED) {
		va_list ap;

		va_start(ap, flags);
		new_addr = va_arg(ap, void *);
		va_end(ap);
	}
	reach(HOOK_mremap);
	p = active && active->mremap ? active->mremap(old, old_len, new_len, flags, new_addr)
				     : real_mremap(old, old_len, new_len, flags, new_addr);
	if (p == MAP_FAILED || !(t = find_tracked((uintptr_t)old)) || t->addr != (uintptr_t)old)
		return p;
	if (!old_len) {
		track(p, new_len, t->prot, t->flags, t->fd, t->off);
	} else if (old_len >= t->len) {
		t->addr = (uintptr_t)p;
		t->len = round_up(new_len);
	}
	return p;
}

int mincore(void *addr, size_t len, unsigned char *vec)
{
	reach(HOOK_mincore);
	if (active && active->mincore)
		return active->mincore(addr, len, vec);
	return real_mincore(addr, len, vec);
}

int posix_madvise(void *addr, size_t len, int advice)
{
	reach(HOOK_posix_madvise);
	if (active && active->posix_madvise)
		return active->posix_madvise(addr, len, advice);
	return real_posix_madvise(addr, len, advice);
}

/* Where the libc has none (glibc before 2.36), the case's own stand-in
 * (compat.h) is called and this one is never reached; declared here, as the
 * libc's header would. */
#if !HAVE_PROCESS_MADVISE
ssize_t process_madvise(int pidfd, const struct iovec *iov, size_t n, int advice,
			unsigned int flags);
#endif
ssize_t process_madvise(int pidfd, const struct iovec *iov, size_t n, int advice,
			unsigned int flags)
{
	reach(HOOK_process_madvise);
	if (active && active->process_madvise)
		return active->process_madvise(pidfd, iov, n, advice, flags);
	if (!real_process_madvise) {
		errno = ENOSYS;
		return -1;
	}
	return real_process_madvise(pidfd, iov, n, advice, flags);
}

int remap_file_pages(void *addr, size_t size, int prot, size_t pgoff, int flags)
{
	reach(HOOK_remap_file_pages);
	if (active && active->remap_file_pages)
		return active->remap_file_pages(addr, size, prot, pgoff, flags);
	return real_remap_file_pages(addr, size, prot, pgoff, flags);
}

int setrlimit(rlimit_resource resource, const struct rlimit *rl)
{
	reach(HOOK_setrlimit);
	if (active && active->setrlimit)
		return active->setrlimit(resource, rl);
	return real_setrlimit(resource, rl);
}

/* ------------------------------------------------------------------------
 * The seal and sysv groups: the system calls lib/linux.c makes through
 * syscall() (mseal, process_mrelease, memfd_secret: each its own slot,
 * every other number passes through), pkey_mprotect() and System V shared
 * memory.  Resolved here, on first use, so the other interposers' start is
 * unchanged.
 * ------------------------------------------------------------------------ */
#include <dlfcn.h>

long (*real_syscall)(long, ...);
int (*real_pkey_mprotect)(void *, size_t, int, int);
void *(*real_shmat)(int, const void *, int);
int (*real_shmdt)(const void *);
int (*real_shmctl)(int, int, struct shmid_ds *);

static void resolve_seal(void)
{
	if (real_syscall)
		return;
	real_pkey_mprotect = (int (*)(void *, size_t, int, int))dlsym(RTLD_NEXT, "pkey_mprotect");
	real_shmat = (void *(*)(int, const void *, int))dlsym(RTLD_NEXT, "shmat");
	real_shmdt = (int (*)(const void *))dlsym(RTLD_NEXT, "shmdt");
	real_shmctl = (int (*)(int, int, struct shmid_ds *))dlsym(RTLD_NEXT, "shmctl");
	real_syscall = (long (*)(long, ...))dlsym(RTLD_NEXT, "syscall");
}

/* Six arguments, as every Linux system call has at most: reading more
 * than the caller passed is what syscall() itself does. */
long syscall(long nr, ...)
{
	long a[6];
	va_list ap;

	va_start(ap, nr);
	for (int i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);
	resolve_seal();
	switch (nr) {
	case NR_MSEAL:
		reach(HOOK_mseal);
		if (active && active->mseal)
			return active->mseal((void *)a[0], (size_t)a[1], (unsigned long)a[2]);
		break;
	case NR_PROCESS_MRELEASE:
		reach(HOOK_process_mrelease);
		if (active && active->process_mrelease)
			return active->process_mrelease((int)a[0], (unsigned int)a[1]);
		break;
	case NR_MEMFD_SECRET:
		reach(HOOK_memfd_secret);
		if (active && active->memfd_secret)
			return active->memfd_secret((unsigned int)a[0]);
		break;
	case NR_PIDFD_OPEN:
		reach(HOOK_pidfd_open);
		if (active && active->pidfd_open)
			return active->pidfd_open((pid_t)a[0], (unsigned int)a[1]);
		break;
	}
	return real_syscall(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
}

int pkey_mprotect(void *addr, size_t len, int prot, int key)
{
	resolve_seal();
	reach(HOOK_pkey_mprotect);
	if (active && active->pkey_mprotect)
		return active->pkey_mprotect(addr, len, prot, key);
	if (!real_pkey_mprotect) {
		errno = ENOSYS;
		return -1;
	}
	return real_pkey_mprotect(addr, len, prot, key);
}

void *shmat(int id, const void *addr, int flags)
{
	resolve_seal();
	reach(HOOK_shmat);
	if (active && active->shmat)
		return active->shmat(id, addr, flags);
	return real_shmat(id, addr, flags);
}

int shmdt(const void *addr)
{
	resolve_seal();
	reach(HOOK_shmdt);
	if (active && active->shmdt)
		return active->shmdt(addr);
	return real_shmdt(addr);
}

int shmctl(int id, int cmd, struct shmid_ds *buf)
{
	resolve_seal();
	reach(HOOK_shmctl);
	if (active && active->shmctl)
		return active->shmctl(id, cmd, buf);
	return real_shmctl(id, cmd, buf);
}

/* memfd_create() and shmget() (the hugepages group: MFD_HUGETLB, SHM_HUGETLB). */
int memfd_create(const char *name, unsigned int flags)
{
	resolve();
	reach(HOOK_memfd_create);
	if (active && active->memfd_create)
		return active->memfd_create(name, flags);
	if (!real_memfd_create) {
		errno = ENOSYS;
		return -1;
	}
	return real_memfd_create(name, flags);
}

int shmget(key_t key, size_t size, int flags)
{
	resolve();
	reach(HOOK_shmget);
	if (active && active->shmget)
		return active->shmget(key, size, flags);
	return real_shmget(key, size, flags);
}
