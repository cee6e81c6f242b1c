/*
 * munmap() of a range that straddles mapped and unmapped pages leaves
 * every page outside the range alone.
 *
 * Layout, one character a page: "mm.mm", inside the case's reservation;
 * the call covers pages 1 to 3, the second mapped page, the hole and the
 * third mapped page, so the range both starts and ends inside mappings
 * with a hole between.  Pages 0 and 4 are outside the range and must keep
 * their mapping and their pattern.  A kernel that, meeting the hole,
 * rounds the range out to whole mappings (removing pages 0 and 4 too),
 * or that loses the data of a mapping it trims, fails.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "munmap() of a range covering mapped and unmapped pages leaves "
		     "the pages just outside the range mapped with their contents.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (removes the mappings of the "
		     "pages containing part of the range, and only those)",
	.profile   = "posix",
	.covers    = "G5",
);

static void run(void)
{
	unsigned char *base = lay_out("mm.mm");

	SAFE_MUNMAP(base + page_size, 3 * page_size);

	CHECK_INTACT(base, 0, 1);
	CHECK_INTACT(base, 4, 1);
}
