/*
 * mremap() without MREMAP_MAYMOVE cannot grow a mapping into the mapping
 * that follows it: it fails with ENOMEM, and both the mapping and its
 * neighbour are as they were.  Catches a kernel that grows over the
 * neighbour (replacing it), one that moves the mapping although it was
 * not allowed to, and one that reports another error.
 */
#include "mremap.h"

MMAPCTS_CASE(
	.assertion = "mremap() without MREMAP_MAYMOVE growing a mapping into a "
		     "mapped neighbour fails with ENOMEM and changes neither.",
	.spec      = "Linux mremap(2): ERRORS, ENOMEM (\"the memory area cannot be "
		     "expanded at the current virtual address, and the MREMAP_MAYMOVE "
		     "flag is not set\")",
	.profile   = "linux",
	.covers    = "J5",
	.needs     = "mremap",
	.variants  = "anon dev-zero file shm memfd",
);

static void run(void)
{
	unsigned char *map = map_with_neighbour(2, 4);

	CHECK_MAP_FAILS(mremap(map, 2 * page_size, 4 * page_size, 0), ENOMEM);
	CHECK_INTACT(map, 0, 2);
	CHECK_NEIGHBOUR(map, 2);
}
