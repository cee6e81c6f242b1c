/*
 * mremap.c - faults of the mremap group (their list: MMAPCTS_FAULTS_MREMAP in
 * faults.h): what mremap() moves, keeps, refuses and locks.  Each hook
 * stands in for mremap() while its fault is active; new_addr is NULL
 * without MREMAP_FIXED.
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "internal.h"

#include "compat.h"	/* MREMAP_DONTUNMAP: glibc 2.32 */

#define PMD_BYTES ((size_t)2 << 20)

static void *call(void *old, size_t old_len, size_t new_len, int flags, void *new_addr)
{
	return real_mremap(old, old_len, new_len, flags, new_addr);
}

/* A free place for a move the fault makes up: address space of its own. */
static void *free_place(size_t len)
{
	return real_mmap(NULL, len, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
			 -1, 0);
}

/* Move [old, old + old_len) to a free place, grown to new_len. */
static void *move_anywhere(void *old, size_t old_len, size_t new_len, int flags)
{
	void *to = free_place(new_len), *p;

	if (to == MAP_FAILED)
		return to;
	p = call(old, old_len, new_len, flags | MREMAP_MAYMOVE | MREMAP_FIXED, to);
	if (p == MAP_FAILED) {
		int err = errno;
		real_munmap(to, new_len);
		errno = err;
	}
	return p;
}

static int aligned(const void *p)
{
	return !((uintptr_t)p % pg);
}

static void *same_size_moves(void *old, size_t old_len, size_t new_len, int flags,
			     void *new_addr)
{
	if (flags || !old_len || old_len != new_len || !aligned(old))
		return call(old, old_len, new_len, flags, new_addr);
	return move_anywhere(old, old_len, new_len, 0);
}
FAULT(MREMAP_SAME_SIZE_MOVES, .mremap = same_size_moves);

static void *shrink_keeps_tail(void *old, size_t old_len, size_t new_len, int flags,
			       void *new_addr)
{
	if (!flags && new_len && new_len < old_len && aligned(old))
		return old;
	return call(old, old_len, new_len, flags, new_addr);
}
FAULT(MREMAP_SHRINK_KEEPS_TAIL, .mremap = shrink_keeps_tail);

/* A hole in the range: msync() says ENOMEM without touching the pages. */
static void *shrink_span_efault(void *old, size_t old_len, size_t new_len, int flags,
				void *new_addr)
{
	if (new_len && new_len < old_len && aligned(old) &&
	    real_msync(old, round_up(old_len), MS_ASYNC) < 0 && errno == ENOMEM) {
		errno = EFAULT;
		return MAP_FAILED;
	}
	return call(old, old_len, new_len, flags, new_addr);
}
FAULT(MREMAP_SHRINK_SPAN_EFAULT, .mremap = shrink_span_efault);

static void *grow_moves(void *old, size_t old_len, size_t new_len, int flags,
			void *new_addr)
{
	if (!(flags & MREMAP_MAYMOVE) && old_len && new_len > old_len && aligned(old))
		return move_anywhere(old, old_len, new_len, flags);
	return call(old, old_len, new_len, flags, new_addr);
}
FAULT(MREMAP_GROW_MOVES, .mremap = grow_moves);

static void *grow_over_neighbour(void *old, size_t old_len, size_t new_len, int flags,
				 void *new_addr)
{
	void *p = call(old, old_len, new_len, flags, new_addr);

	if (p == MAP_FAILED && errno == ENOMEM && !(flags & MREMAP_MAYMOVE) && old_len &&
	    new_len > old_len && aligned(old)) {
		real_munmap((char *)old + round_up(old_len), round_up(new_len) - round_up(old_len));
		p = call(old, old_len, new_len, flags, new_addr);
	}
	return p;
}
FAULT(MREMAP_GROW_OVER_NEIGHBOUR, .mremap = grow_over_neighbour);

static void *move_keeps_old(void *old, size_t old_len, size_t new_len, int flags,
			    void *new_addr)
{
	void *p = call(old, old_len, new_len, flags, new_addr);

	if (p != MAP_FAILED && p != old && old_len && !(flags & MREMAP_DONTUNMAP))
		real_mmap(old, round_up(old_len), PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	return p;
}
FAULT(MREMAP_MOVE_KEEPS_OLD, .mremap = move_keeps_old);

static void *drops_private_pages(void *old, size_t old_len, size_t new_len, int flags,
				 void *new_addr)
{
	void *p = call(old, old_len, new_len, flags, new_addr);
	size_t kept = old_len < new_len ? old_len : new_len;

	if (p != MAP_FAILED && kept && (p != old || new_len != old_len))
		real_madvise(p, round_up(kept), MADV_DONTNEED);
	return p;
}
FAULT(MREMAP_DROPS_PRIVATE_PAGES, .mremap = drops_private_pages);

static void *pmd_move_drops(void *old, size_t old_len, size_t new_len, int flags,
			    void *new_addr)
{
	void *p = call(old, old_len, new_len, flags, new_addr);
	uintptr_t start = (uintptr_t)p, block = (start + PMD_BYTES - 1) & ~(PMD_BYTES - 1);

	if (p != MAP_FAILED && p != old && new_len >= PMD_BYTES &&
	    block + PMD_BYTES <= start + new_len)
		real_madvise((void *)block, PMD_BYTES, MADV_DONTNEED);
	return p;
}
FAULT(MREMAP_PMD_MOVE_DROPS, .mremap = pmd_move_drops);

static void *split_huge_drops_rest(void *old, size_t old_len, size_t new_len, int flags,
				   void *new_addr)
{
	void *p = call(old, old_len, new_len, flags, new_addr);
	uintptr_t start = (uintptr_t)old, block = start & ~(PMD_BYTES - 1);

	if (p != MAP_FAILED && p != old && new_len >= PMD_BYTES && block < start)
		real_madvise((void *)block, start - block, MADV_DONTNEED);
	return p;
}
FAULT(MREMAP_SPLIT_HUGE_DROPS_REST, .mremap = split_huge_drops_rest);

static void *fixed_ignored(void *old, size_t old_len, size_t new_len, int flags,
			   void *new_addr)
{
	(void)new_addr;
	return call(old, old_len, new_len, flags & ~MREMAP_FIXED, NULL);
}
FAULT(MREMAP_FIXED_IGNORED, .mremap = fixed_ignored);

static void *overlap_accepted(void *old, size_t old_len, size_t new_len, int flags,
			      void *new_addr)
{
	uintptr_t o = (uintptr_t)old, n = (uintptr_t)new_addr;
	void *tmp;

	if (!(flags & MREMAP_FIXED) || !(flags & MREMAP_MAYMOVE) || !old_len ||
	    !aligned(old) || !aligned(new_addr) || o + old_len <= n || n + new_len <= o)
		return call(old, old_len, new_len, flags, new_addr);
	tmp = move_anywhere(old, old_len, new_len, 0);
	if (tmp == MAP_FAILED)
		return tmp;
	return call(tmp, new_len, new_len, flags, new_addr);
}
FAULT(MREMAP_OVERLAP_ACCEPTED, .mremap = overlap_accepted);

static void *unaligned_rounded(void *old, size_t old_len, size_t new_len, int flags,
			       void *new_addr)
{
	size_t skew = (uintptr_t)old % pg;

	old = (char *)old - skew;
	if (flags & MREMAP_FIXED)
		new_addr = (char *)new_addr - (uintptr_t)new_addr % pg;
	return call(old, old_len + skew, new_len + skew, flags, new_addr);
}
FAULT(MREMAP_UNALIGNED_ROUNDED, .mremap = unaligned_rounded);

static void *span_first_only(void *old, size_t old_len, size_t new_len, int flags,
			     void *new_addr)
{
	void *p = call(old, old_len, new_len, flags, new_addr);

	if (p == MAP_FAILED && errno == EFAULT && old_len > pg)
		p = call(old, pg, new_len, flags, new_addr);
	return p;
}
FAULT(MREMAP_SPAN_FIRST_ONLY, .mremap = span_first_only);

static void *zero_size_copies(void *old, size_t old_len, size_t new_len, int flags,
			      void *new_addr)
{
	void *copy;

	if (old_len || !(flags & MREMAP_MAYMOVE) || (flags & MREMAP_FIXED) || !new_len)
		return call(old, old_len, new_len, flags, new_addr);
	copy = real_mmap(NULL, new_len, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (copy != MAP_FAILED)
		memcpy(copy, old, new_len);
	return copy;
}
FAULT(MREMAP_ZERO_SIZE_COPIES, .mremap = zero_size_copies);

static void *zero_size_maymove_implied(void *old, size_t old_len, size_t new_len, int flags,
				       void *new_addr)
{
	if (!old_len)
		flags |= MREMAP_MAYMOVE;
	return call(old, old_len, new_len, flags, new_addr);
}
FAULT(MREMAP_ZERO_SIZE_MAYMOVE_IMPLIED, .mremap = zero_size_maymove_implied);

static void *dontunmap_unmaps(void *old, size_t old_len, size_t new_len, int flags,
			      void *new_addr)
{
	if (!(flags & MREMAP_DONTUNMAP))
		return call(old, old_len, new_len, flags, new_addr);
	flags &= ~MREMAP_DONTUNMAP;
	if (flags & MREMAP_FIXED)
		return call(old, old_len, new_len, flags, new_addr);
	return move_anywhere(old, old_len, new_len, flags);
}
FAULT(MREMAP_DONTUNMAP_UNMAPS, .mremap = dontunmap_unmaps);

static void *dontunmap_copies(void *old, size_t old_len, size_t new_len, int flags,
			      void *new_addr)
{
	const struct tracked *t = find_tracked((uintptr_t)old);
	void *p = call(old, old_len, new_len, flags, new_addr);

	if (p != MAP_FAILED && (flags & MREMAP_DONTUNMAP) && t &&
	    (t->flags & MAP_KIND) == MAP_PRIVATE && is_anon(t->flags, t->fd) &&
	    (t->prot & PROT_WRITE))
		memcpy(old, p, old_len);
	return p;
}
FAULT(MREMAP_DONTUNMAP_COPIES, .mremap = dontunmap_copies);

static void *shared_growth_zero_filled(void *old, size_t old_len, size_t new_len, int flags,
				       void *new_addr)
{
	const struct tracked *t = find_tracked((uintptr_t)old);
	int shared_anon = t && (t->flags & MAP_KIND) == MAP_SHARED && is_anon(t->flags, t->fd);
	char *p = call(old, old_len, new_len, flags, new_addr);

	if ((void *)p != MAP_FAILED && shared_anon && old_len && new_len > old_len)
		real_mmap(p + round_up(old_len), round_up(new_len) - round_up(old_len), t->prot,
			  MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	return p;
}
FAULT(MREMAP_SHARED_GROWTH_ZERO_FILLED, .mremap = shared_growth_zero_filled);

static void *drops_lock(void *old, size_t old_len, size_t new_len, int flags,
			void *new_addr)
{
	int was_locked = ranges_overlap(&locked, (uintptr_t)old, round_up(old_len));
	void *p = call(old, old_len, new_len, flags, new_addr);

	if (p != MAP_FAILED && was_locked && (p != old || new_len > old_len))
		real_munlock(p, new_len);
	return p;
}
FAULT(MREMAP_DROPS_LOCK, .mremap = drops_lock);

static void *lock_limit_ignored(void *old, size_t old_len, size_t new_len, int flags,
				void *new_addr)
{
	void *p = call(old, old_len, new_len, flags, new_addr);

	if (p == MAP_FAILED && errno == EAGAIN) {
		real_munlock(old, old_len);
		p = call(old, old_len, new_len, flags, new_addr);
	}
	return p;
}
FAULT(MREMAP_LOCK_LIMIT_IGNORED, .mremap = lock_limit_ignored);
