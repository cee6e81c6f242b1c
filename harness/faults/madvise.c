/*
 * madvise.c - faults in what advice does to the pages.
 */
#include "config.h"

#include "internal.h"

/* dontneed-keeps-private-file: the advice is accepted and ignored where
 * dropping the pages is visible without looking at memory use: a private
 * file mapping, whose copies would give way to the object's bytes again. */
static int dontneed_keeps_private_file(void *addr, size_t len, int advice)
{
	const struct tracked *t = find_tracked((uintptr_t)addr);

	if (advice == MADV_DONTNEED && t && t->fd >= 0 && (t->flags & MAP_KIND) == MAP_PRIVATE)
		return 0;
	return real_madvise(addr, len, advice);
}
FAULT(DONTNEED_KEEPS_PRIVATE_FILE, .madvise = dontneed_keeps_private_file);

/* ------------------------------------------------------------------------
 * The madvise group's faults (cases/madvise, cases/mincore).
 * ------------------------------------------------------------------------ */
#include <errno.h>
#include <string.h>

#include "compat.h"	/* Linux advice newer than some headers */

static const struct tracked *tracked_at(void *addr)
{
	return find_tracked((uintptr_t)addr);
}

/* dontneed-keeps-private-anon: the advice taken as a hint where dropping
 * the pages would show as zeroes. */
static int dontneed_keeps_private_anon(void *addr, size_t len, int advice)
{
	const struct tracked *t = tracked_at(addr);

	if (advice == MADV_DONTNEED && t && t->fd < 0 && (t->flags & MAP_KIND) == MAP_PRIVATE)
		return 0;
	return real_madvise(addr, len, advice);
}
FAULT(DONTNEED_KEEPS_PRIVATE_ANON, .madvise = dontneed_keeps_private_anon);

/* dontneed-drops-shared: the private anonymous treatment for every
 * mapping - fresh zero pages in place of the object's. */
static int dontneed_drops_shared(void *addr, size_t len, int advice)
{
	const struct tracked *t = tracked_at(addr);

	if (advice == MADV_DONTNEED && t && (t->flags & MAP_KIND) == MAP_SHARED && len) {
		void *p = real_mmap(addr, round_up(len), t->prot,
				    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
		return p == MAP_FAILED ? -1 : 0;
	}
	return real_madvise(addr, len, advice);
}
FAULT(DONTNEED_DROPS_SHARED, .madvise = dontneed_drops_shared);

/* dontneed-refuses-prot-none: an access check that has no place here. */
static int dontneed_refuses_prot_none(void *addr, size_t len, int advice)
{
	const struct tracked *t = tracked_at(addr);

	if (advice == MADV_DONTNEED && t && t->prot == PROT_NONE) {
		errno = EACCES;
		return -1;
	}
	return real_madvise(addr, len, advice);
}
FAULT(DONTNEED_REFUSES_PROT_NONE, .madvise = dontneed_refuses_prot_none);

/* dontneed-drops-locked: the lock is not consulted; the pages are
 * dropped and faulted back in locked, as zeroes. */
static int dontneed_drops_locked(void *addr, size_t len, int advice)
{
	int r;

	if (advice != MADV_DONTNEED || !ranges_overlap(&locked, (uintptr_t)addr, len))
		return real_madvise(addr, len, advice);
	real_munlock(addr, len);
	r = real_madvise(addr, len, advice);
	real_mlock(addr, len);
	return r;
}
FAULT(DONTNEED_DROPS_LOCKED, .madvise = dontneed_drops_locked);

static int madvise_rounds_address(void *addr, size_t len, int advice)
{
	uintptr_t a = (uintptr_t)addr, down = a & ~(uintptr_t)(pg - 1);

	return real_madvise((void *)down, len + (a - down), advice);
}
FAULT(MADVISE_ROUNDS_ADDRESS, .madvise = madvise_rounds_address);

static int madvise_zero_length_page(void *addr, size_t len, int advice)
{
	return real_madvise(addr, len ? len : pg, advice);
}
FAULT(MADVISE_ZERO_LENGTH_PAGE, .madvise = madvise_zero_length_page);

/* madvise-wrap-enomem: the end computed without an overflow check, and
 * the walk finds nothing mapped at the wrapped end. */
static int madvise_wrap_enomem(void *addr, size_t len, int advice)
{
	if (len > SIZE_MAX - pg + 1 || (uintptr_t)addr + len < (uintptr_t)addr) {
		errno = ENOMEM;
		return -1;
	}
	return real_madvise(addr, len, advice);
}
FAULT(MADVISE_WRAP_ENOMEM, .madvise = madvise_wrap_enomem);

static int madvise_rounds_length_down(void *addr, size_t len, int advice)
{
	size_t down = len & ~(pg - 1);

	if (len && !down)
		return 0;
	return real_madvise(addr, down, advice);
}
FAULT(MADVISE_ROUNDS_LENGTH_DOWN, .madvise = madvise_rounds_length_down);

static int madvise_holes_succeed(void *addr, size_t len, int advice)
{
	int r = real_madvise(addr, len, advice);

	return r < 0 && errno == ENOMEM ? 0 : r;
}
FAULT(MADVISE_HOLES_SUCCEED, .madvise = madvise_holes_succeed);

/* madvise-holes-unadvised: the whole range checked first (mincore() of
 * each page says whether it is mapped), nothing advised if one is not. */
static int madvise_holes_unadvised(void *addr, size_t len, int advice)
{
	unsigned char c;

	if ((uintptr_t)addr % pg == 0 && len && len <= 64 * pg)
		for (size_t off = 0; off < len; off += pg)
			if (real_mincore((char *)addr + off, pg, &c) < 0 && errno == ENOMEM)
				return -1;
	return real_madvise(addr, len, advice);
}
FAULT(MADVISE_HOLES_UNADVISED, .madvise = madvise_holes_unadvised);

static int is_populate(int advice)
{
	return advice == MADV_POPULATE_READ || advice == MADV_POPULATE_WRITE;
}

static int populate_ignored(void *addr, size_t len, int advice)
{
	return is_populate(advice) ? 0 : real_madvise(addr, len, advice);
}
FAULT(POPULATE_IGNORED, .madvise = populate_ignored);

static int populate_ignores_protection(void *addr, size_t len, int advice)
{
	int r = real_madvise(addr, len, advice);

	return r < 0 && errno == EINVAL && is_populate(advice) ? 0 : r;
}
FAULT(POPULATE_IGNORES_PROTECTION, .madvise = populate_ignores_protection);

/* free-scribbles: the pages come back holding a poison byte. */
static int free_scribbles(void *addr, size_t len, int advice)
{
	const struct tracked *t = tracked_at(addr);
	int r = real_madvise(addr, len, advice);

	if (r == 0 && advice == MADV_FREE && t && (t->prot & PROT_WRITE))
		memset(addr, 0xa5, len);
	return r;
}
FAULT(FREE_SCRIBBLES, .madvise = free_scribbles);

/* free-forgets-stores: the pages advised MADV_FREE are remembered, and a
 * reclaim of them (MADV_PAGEOUT) drops them without asking whether they
 * were written since. */
static struct ranges lazily_freed;

static int free_forgets_stores(void *addr, size_t len, int advice)
{
	int r;

	if (advice == MADV_PAGEOUT && ranges_overlap(&lazily_freed, (uintptr_t)addr, len))
		return real_madvise(addr, len, MADV_DONTNEED);
	r = real_madvise(addr, len, advice);
	if (r == 0 && advice == MADV_FREE)
		ranges_add(&lazily_freed, (uintptr_t)addr, len);
	return r;
}
FAULT(FREE_FORGETS_STORES, .madvise = free_forgets_stores);

static int guard_install_ignored(void *addr, size_t len, int advice)
{
	return advice == MADV_GUARD_INSTALL ? 0 : real_madvise(addr, len, advice);
}
FAULT(GUARD_INSTALL_IGNORED, .madvise = guard_install_ignored);

static int guard_remove_ignored(void *addr, size_t len, int advice)
{
	return advice == MADV_GUARD_REMOVE ? 0 : real_madvise(addr, len, advice);
}
FAULT(GUARD_REMOVE_IGNORED, .madvise = guard_remove_ignored);

static ssize_t process_madvise_first_only(int pidfd, const struct iovec *iov, size_t n,
					  int advice, unsigned int flags)
{
	if (!real_process_madvise) {
		errno = ENOSYS;
		return -1;
	}
	return real_process_madvise(pidfd, iov, n ? 1 : 0, advice, flags);
}
FAULT(PROCESS_MADVISE_FIRST_ONLY, .process_madvise = process_madvise_first_only);

static int posix_dontneed_discards(void *addr, size_t len, int advice)
{
	if (advice == POSIX_MADV_DONTNEED)
		return real_madvise(addr, len, MADV_DONTNEED) < 0 ? errno : 0;
	return real_posix_madvise(addr, len, advice);
}
FAULT(POSIX_DONTNEED_DISCARDS, .posix_madvise = posix_dontneed_discards);

static int posix_madvise_minus_one(void *addr, size_t len, int advice)
{
	int err = real_posix_madvise(addr, len, advice);

	if (!err)
		return 0;
	errno = err;
	return -1;
}
FAULT(POSIX_MADVISE_MINUS_ONE, .posix_madvise = posix_madvise_minus_one);
