/*
 * hugepages.c - faults of the hugepages group (their list: MMAPCTS_FAULTS_HUGEPAGES in
 * faults.h).
 */
#include "config.h"

#include "internal.h"

#include <errno.h>
#include <stdio.h>

#include <sys/shm.h>

#include "compat.h"	/* MADV_COLLAPSE, MAP_HUGETLB, MFD_HUGETLB where headers lack them */

#define HUGE_SIZE_BITS (0x3fUL << MAP_HUGE_SHIFT)	/* MAP_HUGE_MASK << MAP_HUGE_SHIFT */

/* ------------------------------------------------------------------------
 * hugetlb: the flags that ask for huge pages, dropped.
 * ------------------------------------------------------------------------ */
static int asks_hugetlb(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	return (flags & MAP_HUGETLB) != 0;
}

/* map-hugetlb-ignored: MAP_HUGETLB (and its size) dropped, base pages. */
static void *map_hugetlb_ignored(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	return real_mmap(addr, len, prot, flags & ~(MAP_HUGETLB | (int)HUGE_SIZE_BITS), fd, off);
}
FAULT(MAP_HUGETLB_IGNORED, .mmap_when = asks_hugetlb, .mmap_anon = map_hugetlb_ignored);

static int asks_huge_size(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	return (flags & MAP_HUGETLB) && ((unsigned long)flags & HUGE_SIZE_BITS);
}

/* huge-size-ignored: the MAP_HUGE_SHIFT size dropped, the default pool used. */
static void *huge_size_ignored(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	return real_mmap(addr, len, prot, flags & ~(int)HUGE_SIZE_BITS, fd, off);
}
FAULT(HUGE_SIZE_IGNORED, .mmap_when = asks_huge_size, .mmap_anon = huge_size_ignored);

/* mfd-hugetlb-ignored: an ordinary (tmpfs) memfd in place of a hugetlbfs one. */
static int mfd_hugetlb_ignored(const char *name, unsigned int flags)
{
	if (flags & MFD_HUGETLB)
		flags &= ~(MFD_HUGETLB | (unsigned int)HUGE_SIZE_BITS);
	return real_memfd_create(name, flags);
}
FAULT(MFD_HUGETLB_IGNORED, .memfd_create = mfd_hugetlb_ignored);

/* shm-hugetlb-ignored: an ordinary shm segment in place of a hugetlb one. */
static int shm_hugetlb_ignored(key_t key, size_t size, int flags)
{
	return real_shmget(key, size, flags & ~(SHM_HUGETLB | (int)HUGE_SIZE_BITS));
}
FAULT(SHM_HUGETLB_IGNORED, .shmget = shm_hugetlb_ignored);

/* ------------------------------------------------------------------------
 * Transparent huge pages.
 * ------------------------------------------------------------------------ */
/* The PMD size of transparent huge pages, read once (2 MiB if unknown). */
static size_t thp_size(void)
{
	static size_t size;

	if (!size) {
		FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/hpage_pmd_size", "r");
		unsigned long long n = 0;

		if (f) {
			if (fscanf(f, "%llu", &n) != 1)
				n = 0;
			fclose(f);
		}
		size = n ? (size_t)n : (size_t)2 << 20;
	}
	return size;
}

/* The ranges the case advised MADV_HUGEPAGE. */
static struct ranges advised;

static int note_hugepage_advice(void *addr, size_t len, int advice)
{
	int r = real_madvise(addr, len, advice);

	if (r == 0 && advice == MADV_HUGEPAGE)
		ranges_add(&advised, (uintptr_t)addr, len);
	return r;
}

/* Before a call that cuts [addr, addr + len) out of advised memory: the
 * huge page blocks it cuts through (not wholly inside the range) are
 * dropped, as a split that discards the huge page instead of remapping
 * its base pages would leave them. */
static void discard_cut_blocks(void *addr, size_t len)
{
	size_t thp = thp_size();
	uintptr_t a = (uintptr_t)addr, ends[2] = { a, a + len };

	for (int i = 0; i < 2; i++) {
		uintptr_t block = ends[i] & ~(uintptr_t)(thp - 1);

		if (ends[i] != block && ranges_overlap(&advised, block, thp))
			real_madvise((void *)block, thp, MADV_DONTNEED);
	}
}

/* thp-split-discards: mprotect() or munmap() of part of a transparent huge
 * page loses the rest of it (zero pages come back). */
static int split_discards_mprotect(void *addr, size_t len, int prot)
{
	discard_cut_blocks(addr, len);
	return real_mprotect(addr, len, prot);
}

static int split_discards_munmap(void *addr, size_t len)
{
	discard_cut_blocks(addr, len);
	ranges_forget(&advised, (uintptr_t)addr, len);
	return real_munmap(addr, len);
}
FAULT(THP_SPLIT_DISCARDS, .madvise = note_hugepage_advice, .mprotect = split_discards_mprotect,
      .munmap = split_discards_munmap);

/* collapse-drops-data: MADV_COLLAPSE frees some small pages (the second
 * half of each huge page) before copying them: they come back as zeroes
 * in the new huge page. */
static int collapse_drops_data(void *addr, size_t len, int advice)
{
	size_t thp = thp_size();

	if (advice == MADV_COLLAPSE)
		for (uintptr_t b = ((uintptr_t)addr + thp - 1) & ~(uintptr_t)(thp - 1);
		     b + thp <= (uintptr_t)addr + len; b += thp)
			real_madvise((void *)(b + thp / 2), thp / 2, MADV_DONTNEED);
	return real_madvise(addr, len, advice);
}
FAULT(COLLAPSE_DROPS_DATA, .madvise = collapse_drops_data);

/* collapse-noop: MADV_COLLAPSE returns 0 and collapses nothing (taken as
 * a hint, like MADV_HUGEPAGE). */
static int collapse_noop(void *addr, size_t len, int advice)
{
	return advice == MADV_COLLAPSE ? 0 : real_madvise(addr, len, advice);
}
FAULT(COLLAPSE_NOOP, .madvise = collapse_noop);

/* nohugepage-ignored: MADV_NOHUGEPAGE returns 0 and leaves the flags. */
static int nohugepage_ignored(void *addr, size_t len, int advice)
{
	return advice == MADV_NOHUGEPAGE ? 0 : real_madvise(addr, len, advice);
}
FAULT(NOHUGEPAGE_IGNORED, .madvise = nohugepage_ignored);
