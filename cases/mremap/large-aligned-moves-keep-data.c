/*
 * mremap() moves large ranges with their data, whatever their alignment:
 * the kernel moves page tables a PTE, a PMD (2 MiB on x86-64) or a PUD
 * (1 GiB) at a time where source and destination allow it, and each path
 * must carry every page.  Rows: a range a page off PMD alignment moved to
 * one two pages off (PTE by PTE), a PMD-aligned 4 MiB range, a
 * PUD-aligned 1 GiB range (64-bit only), and the middle 2 MiB of a 4 MiB
 * range advised MADV_HUGEPAGE, which cuts both transparent huge pages in
 * half (the halves left behind must keep their bytes too; whether the
 * advice was taken is recorded).  The ranges are MAP_NORESERVE and only a
 * few sample pages are written - the ends of the range and of the moved
 * part, both sides of PMD boundaries, the middle - so the case stays
 * fast.  After the move each moved sample holds its bytes at the new
 * address and is gone from the old, each sample not moved is still where
 * it was, an unwritten page reads zero, and the pages just before and
 * after the destination (other mappings) keep theirs.  Catches a kernel
 * whose PMD- or PUD-level move, or the split of a huge page, loses or
 * misplaces entries.  Moves of hugetlb pages are not here (hugepages
 * group, N2; no huge pages are reserved on most machines).
 */
#include "mremap.h"

#include <stdlib.h>

MMAPCTS_CASE(
	.assertion = "mremap() with MREMAP_MAYMOVE|MREMAP_FIXED of a large range, "
		     "PTE-, PMD- or PUD-aligned or cutting transparent huge pages, "
		     "keeps every written page at its offset, leaves unwritten pages "
		     "zero, unmaps the moved part of the source only and leaves the "
		     "destination's neighbours alone.",
	.spec      = "Linux mremap(2): DESCRIPTION, MREMAP_MAYMOVE, MREMAP_FIXED",
	.profile   = "linux",
	.covers    = "J12",
	.needs     = "mremap MREMAP_MAYMOVE MREMAP_FIXED MAP_NORESERVE",
);

#define MIB ((size_t)1 << 20)

static const struct {
	const char *what;
	size_t len, tail_pages;		/* the source mapping: bytes, and pages past them */
	size_t align;
	size_t src_skew, dest_skew;	/* pages off the alignment */
	size_t move_off, move_len;	/* the part moved (0, 0: all of it) */
	int thp, needs_64bit;
} rows[] = {
	{ "PTE", 2 * MIB, 3, 2 * MIB, 1, 2, 0, 0, 0, 0 },
	{ "PMD", 4 * MIB, 0, 2 * MIB, 0, 0, 0, 0, 0, 0 },
	{ "PUD", 1024 * MIB, 0, 1024 * MIB, 0, 0, 0, 0, 0, 1 },
	{ "part-THP", 4 * MIB, 0, 2 * MIB, 0, 0, 1 * MIB, 2 * MIB, 1, 0 },
};

static unsigned char *align_up(unsigned char *p, size_t align)
{
	return (unsigned char *)(((uintptr_t)p + align - 1) & ~(uintptr_t)(align - 1));
}

static int by_value(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return (x > y) - (x < y);
}

/* The page offsets written before the move: the ends of the mapping and of
 * the moved part, both sides of PMD boundaries, the middle; sorted, each
 * once, inside the mapping. */
static size_t samples(size_t len, size_t from, size_t to, size_t out[16])
{
	const size_t pmd = 2 * MIB;
	size_t want[] = { 0, page_size, pmd - page_size, pmd, len / 2, len - pmd,
			  len - page_size, from - page_size, from, to - page_size, to };
	size_t n = 0, kept = 0;

	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		if (want[i] < len && want[i] + page_size <= len)
			out[n++] = want[i] / page_size * page_size;
	qsort(out, n, sizeof(out[0]), by_value);
	for (size_t i = 0; i < n; i++)
		if (kept == 0 || out[i] != out[kept - 1])
			out[kept++] = out[i];
	return kept;
}

static void run(void)
{
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		size_t len = rows[i].len + rows[i].tail_pages * page_size, align = rows[i].align;
		size_t from = rows[i].move_off, moved = rows[i].move_len ? rows[i].move_len : len;
		size_t room = len + align + 4 * page_size, off[16] = { 0 };
		size_t n = samples(len, from, from + moved, off);
		unsigned char *area, *src, *dest;

		if (rows[i].needs_64bit && sizeof(void *) < 8) {
			OBSERVE("pud_row", "skipped: a 32-bit address space");
			continue;
		}
		area = reserve(2 * room);
		src = align_up(area + page_size, align) + rows[i].src_skew * page_size;
		dest = align_up(area + room + page_size, align) + rows[i].dest_skew * page_size;
		SAFE_MAP_ANON(src, len, PROT_READ | PROT_WRITE,
			      MAP_PRIVATE | MAP_FIXED | MAP_NORESERVE);
		if (rows[i].thp)
			OBSERVE("madv_hugepage", "%s", madvise(src, len, MADV_HUGEPAGE) ? "refused"
											 : "accepted");
		SAFE_MAP_ANON(dest - page_size, page_size, PROT_READ | PROT_WRITE,
			      MAP_PRIVATE | MAP_FIXED);
		SAFE_MAP_ANON(dest + moved, page_size, PROT_READ | PROT_WRITE,
			      MAP_PRIVATE | MAP_FIXED);
		fill_pattern(dest - page_size, 0, page_size, 1);
		fill_pattern(dest + moved, 0, page_size, 2);
		for (size_t s = 0; s < n; s++)
			fill_pattern(src + off[s], off[s], page_size, 0);

		if (mremap(src + from, moved, moved, MREMAP_MAYMOVE | MREMAP_FIXED, dest) != dest)
			FAIL("%s row: mremap() of %zu bytes gave %s, expected new_address",
			     rows[i].what, moved, errno_name(errno));
		for (size_t s = 0; s < n; s++) {
			if (off[s] < from || off[s] >= from + moved) {
				CHECK_INTACT(src, off[s] / page_size, 1);
				continue;
			}
			CHECK_INTACT(dest - from, off[s] / page_size, 1);
			CHECK_UNMAPPED(src + off[s], page_size);
		}
		CHECK_ZERO(dest + 2 * page_size, page_size);
		CHECK_INTACT_SEED(dest - page_size, 0, 1, 1);
		CHECK_INTACT_SEED(dest + moved, 0, 1, 2);
		SAFE_MUNMAP(area, 2 * room);
	}
}
