/*
 * mremap() to the size the mapping already has, with no flags, changes
 * nothing: it returns the old address and the mapping keeps its bytes.
 * Catches a kernel that treats every call as a move and returns the
 * mapping at a new address (the caller's pointers then dangle).
 */
#include "mremap.h"

MMAPCTS_CASE(
	.assertion = "mremap() with new_size equal to old_size and no flags returns "
		     "old_address, and the mapping keeps its contents.",
	.spec      = "Linux mremap(2): DESCRIPTION, RETURN VALUE",
	.profile   = "linux",
	.covers    = "J1",
	.needs     = "mremap",
	.variants  = "anon dev-zero file shm memfd",
);

static void run(void)
{
	size_t len = 2 * page_size;
	unsigned char *map = map_backing(NULL, 2, 2);

	CHECK_PTR_EQ(mremap(map, len, len, 0), map);
	CHECK_INTACT(map, 0, 2);
}
