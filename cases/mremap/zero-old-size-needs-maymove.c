/*
 * mremap() with an old_size of 0 but without MREMAP_MAYMOVE cannot make
 * the second mapping (it would have to be somewhere else): it fails with
 * ENOMEM, and the shared mapping stays as it was.  Catches a kernel that
 * makes the second mapping anyway, as if MREMAP_MAYMOVE had been given.
 */
#include "mremap.h"

MMAPCTS_CASE(
	.assertion = "mremap() with old_size 0 and no MREMAP_MAYMOVE on a shared "
		     "mapping fails with ENOMEM and leaves the mapping as it was.",
	.spec      = "Linux mremap(2): DESCRIPTION (\"if a new mapping is requested via "
		     "this method, then the MREMAP_MAYMOVE flag must also be "
		     "specified\"); ERRORS, ENOMEM",
	.profile   = "linux",
	.covers    = "J10",
	.needs     = "mremap",
);

static void run(void)
{
	size_t len = 2 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_SHARED | MAP_ANONYMOUS, NULL);

	CHECK_MAP_FAILS(mremap(map, 0, len, 0), ENOMEM);
	CHECK_INTACT(map, 0, 2);
}
