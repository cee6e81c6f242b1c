/*
 * mremap() with an old_size of 0 and MREMAP_MAYMOVE makes a second
 * mapping of the same pages of a shared mapping: it returns a new
 * address, the new mapping shows the bytes, a store through either one is
 * seen through the other, and the original stays mapped.  Catches a
 * kernel (or emulation) that copies the pages into a private mapping, and
 * one that moves the original away.
 */
#include "mremap.h"

MMAPCTS_CASE(
	.assertion = "mremap() with old_size 0 and MREMAP_MAYMOVE on a shared "
		     "mapping makes a new mapping of the same pages: stores through "
		     "either mapping are seen through the other.",
	.spec      = "Linux mremap(2): DESCRIPTION (\"if the value of old_size is zero, "
		     "and old_address refers to a shareable mapping ... mremap() will "
		     "create a new mapping of the same pages\")",
	.profile   = "linux",
	.covers    = "J10",
	.needs     = "mremap MREMAP_MAYMOVE",
	.variants  = "anon dev-zero file shm memfd",
);

static void run(void)
{
	size_t len = 2 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_SHARED, NULL);
	unsigned char *view = CHECK_MAP_OK(mremap(map, 0, len, MREMAP_MAYMOVE));

	CHECK(view != map);
	CHECK_INTACT(view, 0, 2);
	fill_pattern(view, 0, page_size, 1);
	fill_pattern(map + page_size, page_size, page_size, 2);
	CHECK_PATTERN_SEED(map, 0, page_size, 1);
	CHECK_PATTERN_SEED(view + page_size, page_size, page_size, 2);
}
