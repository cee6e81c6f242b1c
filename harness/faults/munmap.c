/*
 * munmap.c - faults in what munmap() removes and what it refuses.
 */
#include "config.h"

#include <errno.h>

#include "internal.h"

static int munmap_noop(void *addr, size_t len)
{
	return 0;
}
FAULT(MUNMAP_NOOP, .munmap = munmap_noop);

static int first_page_only_munmap(void *addr, size_t len)
{
	return real_munmap(addr, len > pg ? pg : len);
}
FAULT(MUNMAP_FIRST_PAGE_ONLY, .munmap = first_page_only_munmap);

static int overreach_munmap(void *addr, size_t len)
{
	if (len && !((uintptr_t)addr % pg))
		len = round_up(len) + pg;
	return real_munmap(addr, len);
}
FAULT(MUNMAP_OVERREACH, .munmap = overreach_munmap);

/* munmap-hole-einval: msync() tells the holes (ENOMEM) without touching
 * the pages. */
static int hole_einval_munmap(void *addr, size_t len)
{
	uintptr_t a = (uintptr_t)addr;

	if (len && !(a % pg) && real_msync(addr, round_up(len), MS_ASYNC) < 0 &&
	    errno == ENOMEM) {
		errno = EINVAL;
		return -1;
	}
	return real_munmap(addr, len);
}
FAULT(MUNMAP_HOLE_EINVAL, .munmap = hole_einval_munmap);

/* Where the kernel refused an unaligned address, the page it is in. */
static int unaligned_ok_munmap(void *addr, size_t len)
{
	size_t skew = (uintptr_t)addr % pg;

	return skew ? real_munmap((char *)addr - skew, len + skew) : -1;
}
FAULT(MUNMAP_UNALIGNED_OK, .munmap_failed = unaligned_ok_munmap);

/* Where the kernel refused a length of 0, success. */
static int zero_ok_munmap(void *addr, size_t len)
{
	(void)addr;
	return len ? -1 : 0;
}
FAULT(MUNMAP_ZERO_OK, .munmap_failed = zero_ok_munmap);

static int rounds_down_munmap(void *addr, size_t len)
{
	if (len % pg && (len -= len % pg) == 0)
		return 0;
	return real_munmap(addr, len);
}
FAULT(MUNMAP_ROUNDS_DOWN, .munmap = rounds_down_munmap);

/* munmap-keeps-lock: the lock of an unmapped range stays behind, and a
 * mapping made there later is locked. */
static struct ranges left_behind;

static int keeps_lock_munmap(void *addr, size_t len)
{
	int r = real_munmap(addr, len);

	if (r == 0 && ranges_overlap(&locked, (uintptr_t)addr, round_up(len)))
		ranges_add(&left_behind, (uintptr_t)addr, round_up(len));
	return r;
}

static void *keeps_lock_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	void *p = real_mmap(addr, len, prot, flags, fd, off);

	if (p != MAP_FAILED && (ranges_overlap(&locked, (uintptr_t)p, len) ||
				ranges_overlap(&left_behind, (uintptr_t)p, len)))
		real_mlock(p, len);
	return p;
}
FAULT(MUNMAP_KEEPS_LOCK, .armed_by = HOOK_mlock, .munmap = keeps_lock_munmap,
      .mmap = keeps_lock_mmap);
