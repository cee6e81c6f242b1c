/*
 * mremap() without MREMAP_MAYMOVE grows a mapping into the free space
 * after it, where it is: it returns the old address, the old pages keep
 * their bytes, the new pages show what the backing holds there (zero for
 * anonymous memory, the object's bytes for an object), and the result is
 * one mapping in /proc/self/maps.  Catches a kernel that grows by moving
 * although it was not allowed to, one that maps the new part as a
 * mapping of its own, and one that fills it with the wrong pages.
 */
#include "mremap.h"

MMAPCTS_CASE(
	.assertion = "mremap() without flags grows a mapping in place into free "
		     "space: it returns old_address, keeps the contents, shows the "
		     "backing in the new pages, and leaves one mapping.",
	.spec      = "Linux mremap(2): DESCRIPTION (flags 0: expand in place or fail)",
	.profile   = "linux",
	.covers    = "J4",
	.needs     = "mremap",
	.variants  = "anon dev-zero file shm memfd",
);

static void run(void)
{
	unsigned char *map = map_with_room(2, 2, 4);
	char layout[512];

	CHECK_PTR_EQ(mremap(map, 2 * page_size, 4 * page_size, 0), map);
	CHECK_INTACT(map, 0, 2);
	CHECK_GROWN(map, 2, 2);
	if (count_mappings(map, 4 * page_size, layout, sizeof(layout)) != 1)
		FAIL("the grown mapping is not one mapping: %s", layout);
}
