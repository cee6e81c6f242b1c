/*
 * protection.c - faults in what a protection means, in mmap() and
 * mprotect() alike: a bent protection where one was asked for.
 */
#include "config.h"

#include <errno.h>

#include "internal.h"

/* mmap() with the protection bent; where the system cannot give it, the
 * most of it that it can (a noexec file refuses the execute bit, a
 * read-only one the write bit). */
static void *map_bent(void *addr, size_t len, int want, int bent, int flags, int fd, off_t off)
{
	void *p = real_mmap(addr, len, bent, flags, fd, off);

	if (p == MAP_FAILED && bent != want && (errno == EACCES || errno == EPERM) &&
	    (bent & PROT_EXEC) && !(want & PROT_EXEC)) {
		bent &= ~PROT_EXEC;
		p = real_mmap(addr, len, bent, flags, fd, off);
	}
	if (p == MAP_FAILED && bent != want && errno == EACCES)
		p = real_mmap(addr, len, want, flags, fd, off);
	return p;
}

/* The same for mprotect(). */
static int protect_bent(void *addr, size_t len, int want, int bent)
{
	int r = real_mprotect(addr, len, bent);

	if (r < 0 && errno == EACCES && bent != want && (bent & PROT_EXEC) &&
	    !(want & PROT_EXEC)) {
		bent &= ~PROT_EXEC;
		r = real_mprotect(addr, len, bent);
	}
	if (r < 0 && errno == EACCES && bent != want)
		r = real_mprotect(addr, len, want);
	return r;
}

/* prot-none-readable */
static int none_readable(int prot)
{
	return prot == PROT_NONE ? PROT_READ | PROT_EXEC : prot;
}

static void *none_readable_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	return map_bent(addr, len, prot, none_readable(prot), flags, fd, off);
}

static int none_readable_mprotect(void *addr, size_t len, int prot)
{
	return protect_bent(addr, len, prot, none_readable(prot));
}
static int none_readable_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	return none_readable(prot) != prot;
}
FAULT(PROT_NONE_READABLE, .mmap_when = none_readable_when, .mmap = none_readable_mmap, .mprotect = none_readable_mprotect);

/* read-only-writable */
static int read_only_writable(int prot)
{
	return (prot & PROT_READ) ? prot | PROT_WRITE : prot;
}

static void *read_only_writable_mmap(void *addr, size_t len, int prot, int flags, int fd,
				     off_t off)
{
	int bent = read_only_writable(prot);
	void *p = real_mmap(addr, len, bent, flags, fd, off);

	if (p == MAP_FAILED && bent != prot && errno == EACCES &&
	    (flags & MAP_KIND) == MAP_SHARED)
		/* The file is read-only: a writable private copy "works" too. */
		p = real_mmap(addr, len, bent, (flags & ~MAP_KIND) | MAP_PRIVATE, fd, off);
	if (p == MAP_FAILED && bent != prot && errno == EACCES)
		p = real_mmap(addr, len, prot, flags, fd, off);
	return p;
}

static int read_only_writable_mprotect(void *addr, size_t len, int prot)
{
	return protect_bent(addr, len, prot, read_only_writable(prot));
}
static int read_only_writable_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	return read_only_writable(prot) != prot;
}
FAULT(READ_ONLY_WRITABLE, .mmap_when = read_only_writable_when, .mmap = read_only_writable_mmap,
      .mprotect = read_only_writable_mprotect);

/* read-implies-exec */
static int implies_exec(int prot)
{
	return (prot & PROT_READ) ? prot | PROT_EXEC : prot;
}

static void *implies_exec_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	return map_bent(addr, len, prot, implies_exec(prot), flags, fd, off);
}

static int implies_exec_mprotect(void *addr, size_t len, int prot)
{
	return protect_bent(addr, len, prot, implies_exec(prot));
}
static int implies_exec_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	return implies_exec(prot) != prot;
}
FAULT(READ_IMPLIES_EXEC, .mmap_when = implies_exec_when, .mmap = implies_exec_mmap, .mprotect = implies_exec_mprotect);

/* write-only-refused */
static int write_only(int prot)
{
	return (prot & PROT_WRITE) && !(prot & PROT_READ);
}

static void *write_only_refused_mmap(void *addr, size_t len, int prot, int flags, int fd,
				     off_t off)
{
	if (write_only(prot))
		return mmap_fails(ENOTSUP);
	return real_mmap(addr, len, prot, flags, fd, off);
}

static int write_only_refused_mprotect(void *addr, size_t len, int prot)
{
	if (write_only(prot)) {
		errno = ENOTSUP;
		return -1;
	}
	return real_mprotect(addr, len, prot);
}
static int write_only_refused_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	return write_only(prot);
}
FAULT(WRITE_ONLY_REFUSED, .mmap_when = write_only_refused_when, .mmap = write_only_refused_mmap,
      .mprotect = write_only_refused_mprotect);

/* noexec-ignored: where a noexec mount refuses PROT_EXEC, the mapping is
 * made without it. */
static void *noexec_ignored_failed(void *addr, size_t len, int prot, int flags, int fd,
				   off_t off, int errno_before)
{
	(void)errno_before;
	if (errno == EPERM && (prot & PROT_EXEC) && is_file(flags, fd) && on_noexec_mount(fd))
		return real_mmap(addr, len, prot & ~PROT_EXEC, flags, fd, off);
	return MAP_FAILED;
}

static int noexec_ignored_mprotect(void *addr, size_t len, int prot)
{
	int r = real_mprotect(addr, len, prot);

	if (r < 0 && errno == EACCES && (prot & PROT_EXEC)) {
		const struct tracked *t = find_tracked((uintptr_t)addr);
		if (t && on_noexec_mount(t->fd))
			r = real_mprotect(addr, len, prot & ~PROT_EXEC);
	}
	return r;
}
FAULT(NOEXEC_IGNORED, .mmap_failed = noexec_ignored_failed, .mprotect = noexec_ignored_mprotect);
