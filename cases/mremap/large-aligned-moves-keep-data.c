/*
 * mremap() moves large ranges with their data, whatever their alignment:
 * the kernel moves page tables a PTE, a PMD (2 MiB on x86-64) or a PUD
 * (1 GiB) at a time where source and destination allow it, and each path
 * must carry every page.  Rows: a range a page off PMD alignment moved to
 * one two pages off (PTE by PTE), a PMD-aligned 4 MiB range, and a
 * PUD-aligned 1 GiB range (64-bit only).  The ranges are MAP_NORESERVE
 * and only a few sample pages are written - at the start, around PMD
 * boundaries, in the middle, at the end - so the case stays fast.  After
 * the move each sample holds its bytes at the new address and is gone from
 * the old, an unwritten page reads zero, and the pages just before and
 * after the destination (other mappings) keep theirs.  Catches a kernel
 * whose PMD- or PUD-level move loses or misplaces the entries.
 */
#include "mremap.h"

MMAPCTS_CASE(
	.assertion = "mremap() with MREMAP_MAYMOVE|MREMAP_FIXED of a large range, "
		     "PTE-, PMD- or PUD-aligned, keeps every written page at its "
		     "offset, leaves unwritten pages zero, unmaps the source and leaves "
		     "the destination's neighbours alone.",
	.spec      = "Linux mremap(2): DESCRIPTION, MREMAP_MAYMOVE, MREMAP_FIXED",
	.profile   = "linux",
	.covers_part = "J12",
	.needs     = "mremap MREMAP_MAYMOVE MREMAP_FIXED MAP_NORESERVE",
);

#define MIB ((size_t)1 << 20)

static const struct {
	const char *what;
	size_t len, align;		/* bytes */
	size_t src_skew, dest_skew;	/* pages off the alignment */
	int needs_64bit;
} rows[] = {
	{ "PTE", 2 * MIB + 3 * 4096, 2 * MIB, 1, 2, 0 },
	{ "PMD", 4 * MIB, 2 * MIB, 0, 0, 0 },
	{ "PUD", 1024 * MIB, 1024 * MIB, 0, 0, 1 },
};

static unsigned char *align_up(unsigned char *p, size_t align)
{
	return (unsigned char *)(((uintptr_t)p + align - 1) & ~(uintptr_t)(align - 1));
}

/* Page offsets written before the move, clipped to the range. */
static size_t samples(size_t len, size_t out[8])
{
	const size_t pmd = 2 * MIB;
	size_t want[] = { 0, page_size, pmd - page_size, pmd, len / 2,
			  len - pmd, len - page_size };
	size_t n = 0;

	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		size_t off = want[i] / page_size * page_size;

		if (off + page_size <= len && (n == 0 || off > out[n - 1]))
			out[n++] = off;
	}
	return n;
}

static void run(void)
{
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		size_t len = rows[i].len / page_size * page_size, align = rows[i].align;
		size_t room = len + align + 4 * page_size, off[8], n = samples(len, off);
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
		SAFE_MAP_ANON(dest - page_size, page_size, PROT_READ | PROT_WRITE,
			      MAP_PRIVATE | MAP_FIXED);
		SAFE_MAP_ANON(dest + len, page_size, PROT_READ | PROT_WRITE,
			      MAP_PRIVATE | MAP_FIXED);
		fill_pattern(dest - page_size, 0, page_size, 1);
		fill_pattern(dest + len, 0, page_size, 2);
		for (size_t s = 0; s < n; s++)
			fill_pattern(src + off[s], off[s], page_size, 0);

		if (mremap(src, len, len, MREMAP_MAYMOVE | MREMAP_FIXED, dest) != dest)
			FAIL("%s row: mremap() of %zu bytes gave %s, expected new_address",
			     rows[i].what, len, errno_name(errno));
		for (size_t s = 0; s < n; s++) {
			CHECK_INTACT(dest, off[s] / page_size, 1);
			CHECK_UNMAPPED(src + off[s], page_size);
		}
		CHECK_ZERO(dest + 2 * page_size, page_size);
		CHECK_INTACT_SEED(dest - page_size, 0, 1, 1);
		CHECK_INTACT_SEED(dest + len, 0, 1, 2);
		SAFE_MUNMAP(area, 2 * room);
	}
}
