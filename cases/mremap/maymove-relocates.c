/*
 * mremap() with MREMAP_MAYMOVE grows a mapping that cannot grow in place
 * by moving it: it returns a new address, the old range is unmapped, the
 * old pages' bytes come along, the new pages show the backing, and the
 * neighbour that was in the way is untouched.  Catches a kernel that
 * copies instead of moving (the old range stays mapped), one that moves
 * page tables but loses the pages (zero or stale data), and one that
 * grows over the neighbour.
 */
#include "mremap.h"

MMAPCTS_CASE(
	.assertion = "mremap() with MREMAP_MAYMOVE moves a mapping that cannot grow "
		     "in place: the old range is unmapped and the contents are at the "
		     "new address.",
	.spec      = "Linux mremap(2): DESCRIPTION, MREMAP_MAYMOVE",
	.profile   = "linux",
	.covers    = "J6",
	.needs     = "mremap MREMAP_MAYMOVE",
	.variants  = "anon dev-zero file shm memfd",
);

static void run(void)
{
	unsigned char *map = map_with_neighbour(2, 4);
	unsigned char *moved = CHECK_MAP_OK(mremap(map, 2 * page_size, 4 * page_size,
						   MREMAP_MAYMOVE));

	CHECK(moved != map);
	CHECK_INTACT(moved, 0, 2);
	CHECK_GROWN(moved, 2, 2);
	CHECK_UNMAPPED(map, 2 * page_size);
	CHECK_NEIGHBOUR(map, 2);
}
