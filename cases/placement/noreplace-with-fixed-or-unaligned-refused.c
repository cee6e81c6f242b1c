/*
 * MAP_FIXED_NOREPLACE keeps its promise when MAP_FIXED is given too (the
 * call over an existing mapping fails with EEXIST: MAP_FIXED does not win),
 * and takes an address that is not a multiple of the page size no more
 * than MAP_FIXED does (EINVAL, both on a free range and on the mapping).
 * The existing mapping holds the pattern, which must survive all three
 * calls.  A kernel or libc that lets MAP_FIXED override the flag replaces
 * the mapping; one that rounds the address down maps the page (free
 * range) or reports EEXIST (over the mapping).
 */
#include "placement.h"

MMAPCTS_CASE(
	.assertion = "mmap() with MAP_FIXED_NOREPLACE | MAP_FIXED over a mapping "
		     "fails with EEXIST; with MAP_FIXED_NOREPLACE at an address that "
		     "is not page-aligned it fails with EINVAL.",
	.spec      = "Linux mmap(2): MAP_FIXED_NOREPLACE (EEXIST on a collision); "
		     "ERRORS, EINVAL (addr not aligned, with MAP_FIXED enforcement)",
	.profile   = "linux",
	.needs     = "MAP_FIXED_NOREPLACE",
	.covers    = "K8",
);

static void run(void)
{
	size_t len = 2 * page_size;
	unsigned char *map = mapping_between_holes(2, 2, 0);
	unsigned char *hole = map - 2 * page_size;

	CHECK_NOREPLACE_REFUSED(map, len, MAP_FIXED, EEXIST, "a mapping");
	CHECK_NOREPLACE_REFUSED(hole + 1, page_size, 0, EINVAL,
				"a free range, one byte into its page");
	CHECK_NOREPLACE_REFUSED(map + page_size / 2, page_size, 0, EINVAL,
				"a mapping, half a page into it");

	CHECK_PATTERN(map, 0, len);
	CHECK_UNMAPPED(hole, 2 * page_size);
}
