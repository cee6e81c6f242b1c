/*
 * mmap-anon.c - faults in the anonymous memory mmap() hands out
 * (MAP_ANONYMOUS, and /dev/zero where Linux maps it as anonymous memory):
 * its contents, its sharing, its alignment.
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "internal.h"

static void *anon_not_zeroed_mmap(void *addr, size_t len, int prot, int flags, int fd,
				  off_t off)
{
	void *p = real_mmap(addr, len, prot, flags, fd, off);

	if (p != MAP_FAILED && is_anon(flags, fd)) {
		size_t n = len < 64 * pg ? len : 64 * pg;
		if (!(prot & PROT_WRITE))
			real_mprotect(p, n, PROT_READ | PROT_WRITE);
		memset(p, 0xa5, n);
		if (!(prot & PROT_WRITE))
			real_mprotect(p, n, prot);
	}
	return p;
}
FAULT(ANON_NOT_ZEROED, .mmap_anon = anon_not_zeroed_mmap);

/* anon-stale-reuse: munmap() parks private anonymous memory, and mmap()
 * hands it out again, old bytes and all. */
#define MAX_PARKED 16
static struct ranges parked;

static void *stale_reuse_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	if ((flags & MAP_ANONYMOUS) && !addr && (flags & MAP_KIND) == MAP_PRIVATE) {
		for (int i = 0; i < parked.n; i++) {
			if (parked.r[i].len == round_up(len)) {
				void *p = (void *)parked.r[i].addr;
				parked.r[i] = parked.r[--parked.n];
				real_mprotect(p, round_up(len), prot);
				return p;
			}
		}
	}
	return real_mmap(addr, len, prot, flags, fd, off);
}

static int stale_reuse_munmap(void *addr, size_t len)
{
	uintptr_t a = (uintptr_t)addr;
	const struct tracked *t = find_tracked(a);

	if (!(a % pg) && parked.n < MAX_PARKED && t && t->addr == a &&
	    (t->flags & MAP_ANONYMOUS) && (t->flags & MAP_KIND) == MAP_PRIVATE &&
	    round_up(len) == t->len) {
		ranges_add(&parked, a, t->len);
		return 0;
	}
	return real_munmap(addr, len);
}
static int stale_reuse_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	return (flags & MAP_ANONYMOUS) && !addr && (flags & MAP_KIND) == MAP_PRIVATE;
}
FAULT(ANON_STALE_REUSE, .mmap_when = stale_reuse_when, .mmap_anon = stale_reuse_mmap, .munmap = stale_reuse_munmap);

static void *shared_anon_private_mmap(void *addr, size_t len, int prot, int flags, int fd,
				      off_t off)
{
	if ((flags & MAP_ANONYMOUS) && (flags & MAP_KIND) == MAP_SHARED)
		flags = (flags & ~MAP_KIND) | MAP_PRIVATE;
	return real_mmap(addr, len, prot, flags, fd, off);
}
static int shared_anon_private_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	return (flags & MAP_ANONYMOUS) && (flags & MAP_KIND) == MAP_SHARED;
}
FAULT(SHARED_ANON_PRIVATE, .mmap_when = shared_anon_private_when, .mmap_anon = shared_anon_private_mmap);

/* shared-anon-aliased: one scratch file behind every shared mapping. */
static void *shared_anon_aliased_mmap(void *addr, size_t len, int prot, int flags, int fd,
				      off_t off)
{
	static int alias_fd = -1;
	static size_t alias_size;

	if ((flags & MAP_KIND) == MAP_SHARED && is_anon(flags, fd)) {
		if (alias_fd < 0)
			alias_fd = temp_fd("alias");
		if (alias_fd >= 0) {
			if (len > alias_size && real_ftruncate(alias_fd, (off_t)len) == 0)
				alias_size = len;
			return real_mmap(addr, len, prot, flags & ~MAP_ANONYMOUS, alias_fd, 0);
		}
	}
	return real_mmap(addr, len, prot, flags, fd, off);
}
static int shared_anon_aliased_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	return is_anon(flags, fd) && (flags & MAP_KIND) == MAP_SHARED;
}
FAULT(SHARED_ANON_ALIASED, .mmap_when = shared_anon_aliased_when, .mmap_anon = shared_anon_aliased_mmap);

/* anon-pages-aliased: every page a view of one page of a scratch file. */
static void *anon_pages_aliased_mmap(void *addr, size_t len, int prot, int flags, int fd,
				     off_t off)
{
	void *p = real_mmap(addr, len, prot, flags, fd, off);
	int one;

	if (p == MAP_FAILED || (flags & MAP_KIND) != MAP_PRIVATE || prot == PROT_NONE ||
	    len < 2 * pg || len > (64u << 20) || !is_anon(flags, fd) || (one = temp_fd("page")) < 0)
		return p;
	if (real_ftruncate(one, (off_t)pg) == 0)
		for (size_t i = 0; i < len; i += pg)
			real_mmap((char *)p + i, pg, prot, MAP_SHARED | MAP_FIXED, one, 0);
	real_close(one);
	return p;
}
static int anon_pages_aliased_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	return (flags & MAP_KIND) == MAP_PRIVATE && prot != PROT_NONE && len >= 2 * pg && len <= (64u << 20);
}
FAULT(ANON_PAGES_ALIASED, .mmap_when = anon_pages_aliased_when, .mmap_anon = anon_pages_aliased_mmap);

/* anon-result-unaligned: a malloc-based emulation, whose block starts
 * after a header; munmap() finds the block again. */
#define ANON_SKEW 16

static void *unaligned_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	void *p;

	if (!(flags & MAP_ANONYMOUS) || addr || (flags & MAP_FIXED) || !(len % pg) ||
	    len >= SIZE_MAX - ANON_SKEW)
		return real_mmap(addr, len, prot, flags, fd, off);
	p = real_mmap(NULL, len + ANON_SKEW, prot, flags, fd, off);
	return p == MAP_FAILED ? p : (char *)p + ANON_SKEW;
}

static int unaligned_munmap(void *addr, size_t len)
{
	if ((uintptr_t)addr % pg == ANON_SKEW)
		return real_munmap((char *)addr - ANON_SKEW, len + ANON_SKEW);
	return real_munmap(addr, len);
}
static int unaligned_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	return (flags & MAP_ANONYMOUS) && !addr && !(flags & MAP_FIXED) && (len % pg);
}
FAULT(ANON_RESULT_UNALIGNED, .mmap_when = unaligned_when, .mmap_anon = unaligned_mmap, .munmap = unaligned_munmap);

/* shared-anon-refused: no shared anonymous memory at all. */
static void *shared_anon_refused_mmap(void *addr, size_t len, int prot, int flags, int fd,
				      off_t off)
{
	if ((flags & MAP_ANONYMOUS) && (flags & MAP_KIND) == MAP_SHARED)
		return mmap_fails(ENOMEM);
	return real_mmap(addr, len, prot, flags, fd, off);
}
static int shared_anon_refused_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	return (flags & MAP_ANONYMOUS) && (flags & MAP_KIND) == MAP_SHARED;
}
FAULT(SHARED_ANON_REFUSED, .mmap_when = shared_anon_refused_when, .mmap_anon = shared_anon_refused_mmap);
