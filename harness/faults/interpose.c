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

#include <unistd.h>

#include "internal.h"

extern char **environ;

#define MAX_LOCKED 32
struct ranges locked;
int lockall_flags;

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	void *p;

	resolve();
	if (!active)
		return real_mmap(addr, len, prot, flags, fd, off);
	p = active->mmap ? active->mmap(addr, len, prot, flags, fd, off)
			 : real_mmap(addr, len, prot, flags, fd, off);
	if (p != MAP_FAILED)
		track(p, len, prot, flags, is_file(flags, fd) ? fd : -1, off);
	return p;
}

int munmap(void *addr, size_t len)
{
	int r;

	resolve();
	if (!active)
		return real_munmap(addr, len);
	r = active->munmap ? active->munmap(addr, len) : real_munmap(addr, len);
	if (r == 0) {
		untrack((uintptr_t)addr, round_up(len));
		ranges_forget(&locked, (uintptr_t)addr, round_up(len));
	}
	return r;
}

int mprotect(void *addr, size_t len, int prot)
{
	int r;

	resolve();
	if (!active)
		return real_mprotect(addr, len, prot);
	r = active->mprotect ? active->mprotect(addr, len, prot) : real_mprotect(addr, len, prot);
	if (r == 0) {
		struct tracked *t = find_tracked((uintptr_t)addr);
		if (t && t->addr == (uintptr_t)addr && t->len <= len)
			t->prot = prot;
	}
	return r;
}

int msync(void *addr, size_t len, int flags)
{
	resolve();
	if (active && active->msync)
		return active->msync(addr, len, flags);
	return real_msync(addr, len, flags);
}

int madvise(void *addr, size_t len, int advice)
{
	resolve();
	if (active && active->madvise)
		return active->madvise(addr, len, advice);
	return real_madvise(addr, len, advice);
}

int close(int fd)
{
	resolve();
	if (active && active->close)
		return active->close(fd);
	return real_close(fd);
}

int ftruncate(int fd, off_t len)
{
	resolve();
	if (active && active->ftruncate)
		return active->ftruncate(fd, len);
	return real_ftruncate(fd, len);
}

ssize_t read(int fd, void *buf, size_t n)
{
	resolve();
	if (active && active->read)
		return active->read(fd, buf, n);
	return real_read(fd, buf, n);
}

ssize_t write(int fd, const void *buf, size_t n)
{
	resolve();
	if (active && active->write)
		return active->write(fd, buf, n);
	return real_write(fd, buf, n);
}

void *sbrk(intptr_t increment)
{
	resolve();
	if (active && active->sbrk)
		return active->sbrk(increment);
	return real_sbrk(increment);
}

pid_t fork(void)
{
	resolve();
	if (active && active->fork)
		return active->fork();
	return real_fork();
}

int execv(const char *path, char *const argv[])
{
	resolve();
	if (active && active->exec)
		active->exec();
	return real_execv(path, argv);
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	resolve();
	/* Only an image that inherits our environment gets what the fault
	 * puts there (which may move environ). */
	if (envp == environ && active && active->exec) {
		active->exec();
		envp = environ;
	}
	return real_execve(path, argv, envp);
}

int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	resolve();
	if (active && active->sigaction)
		return active->sigaction(sig, act, old);
	return real_sigaction(sig, act, old);
}

/* The locks are only books: no fault bends these calls. */
int mlock(const void *addr, size_t len)
{
	int r;

	resolve();
	r = real_mlock(addr, len);
	if (r == 0 && active && locked.n < MAX_LOCKED) {
		uintptr_t a = (uintptr_t)addr & ~(uintptr_t)(pg - 1);
		ranges_add(&locked, a, round_up((uintptr_t)addr + len) - a);
	}
	return r;
}

int munlock(const void *addr, size_t len)
{
	int r;

	resolve();
	r = real_munlock(addr, len);
	if (r == 0)
		ranges_forget(&locked, (uintptr_t)addr & ~(uintptr_t)(pg - 1), round_up(len) + pg);
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
		locked.n = 0;
		lockall_flags = 0;
	}
	return r;
}
