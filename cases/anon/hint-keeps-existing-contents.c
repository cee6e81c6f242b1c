/*
 * A hint that points exactly at an existing anonymous mapping, with the
 * same length, leaves that mapping and its bytes alone: the new mapping
 * goes elsewhere.  This is the hint an application is likeliest to pass by
 * mistake (the address of memory it still uses), and the shape (same
 * address, same length, same flags) is the one where treating the hint
 * as MAP_FIXED would go unnoticed but for the contents.  A kernel that
 * replaces the mapping fails twice over: the returned range overlaps it,
 * and the old bytes read as zero.
 */
#include "anon.h"

MMAPCTS_CASE(
	.assertion = "mmap() without MAP_FIXED, hinted at an existing filled "
		     "anonymous mapping, returns another range and leaves the "
		     "existing bytes unchanged.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (when the implementation "
		     "selects pa, it never replaces any extant mapping)",
	.profile   = "posix",
	.covers    = "A9",
);

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *old = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE,
				       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned char *p;

	fill_pattern(old, 0, len, 1);

	p = SAFE_MMAP(old, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK(!ranges_overlap(p, len, old, len));
	CHECK_PATTERN_SEED(old, 0, len, 1);
}
