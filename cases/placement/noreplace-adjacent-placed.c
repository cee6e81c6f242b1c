/*
 * MAP_FIXED_NOREPLACE right before and right after an existing mapping
 * succeeds: touching is not overlapping.  The existing mapping holds the
 * pattern between two holes of one page each; a one-page request fills
 * the hole before it, another the hole after it, and each must land
 * exactly there while the mapping keeps its bytes.  A kernel whose
 * overlap test is off by one (compares the end inclusively, or looks at
 * the neighbouring page) fails with EEXIST.
 */
#include "placement.h"

MMAPCTS_CASE(
	.assertion = "mmap() with MAP_FIXED_NOREPLACE on a free range that ends "
		     "where a mapping starts, or starts where one ends, succeeds "
		     "at that address.",
	.spec      = "Linux mmap(2): MAP_FIXED_NOREPLACE (fails with EEXIST only "
		     "if the requested range would collide with an existing mapping)",
	.profile   = "linux",
	.needs     = "MAP_FIXED_NOREPLACE",
	.covers    = "K7",
);

static void run(void)
{
	size_t len = 2 * page_size;
	unsigned char *map = mapping_between_holes(1, 2, 1);
	struct backing anon = { .fd = -1, .flags = MAP_ANONYMOUS };
	unsigned char *before, *after;

	before = CHECK_NOREPLACE_PLACED(map - page_size, page_size, MAP_PRIVATE, anon,
					"the page right before a mapping");
	after = CHECK_NOREPLACE_PLACED(map + len, page_size, MAP_PRIVATE, anon,
				       "the page right after a mapping");

	CHECK_ZERO(before, page_size);
	CHECK_ZERO(after, page_size);
	CHECK_PATTERN(map, 0, len);
}
