/*
 * mremap() with MREMAP_MAYMOVE|MREMAP_FIXED moves a mapping to new_address
 * and replaces whatever was mapped there, as mmap() with MAP_FIXED would:
 * it returns new_address, the destination shows the moved bytes, the old
 * range is unmapped, and the pages around the destination keep theirs.
 * Catches a kernel that ignores MREMAP_FIXED (the mapping stays, or goes
 * where the kernel likes), and one that refuses a mapped destination.
 */
#include "mremap.h"

MMAPCTS_CASE(
	.assertion = "mremap() with MREMAP_MAYMOVE|MREMAP_FIXED returns new_address, "
		     "replaces the mapping there with the moved one and unmaps the old "
		     "range.",
	.spec      = "Linux mremap(2): DESCRIPTION, MREMAP_FIXED (\"any previous "
		     "mapping at the address range specified by new_address and "
		     "new_size is unmapped\")",
	.profile   = "linux",
	.covers    = "J7",
	.needs     = "mremap MREMAP_MAYMOVE MREMAP_FIXED",
	.variants  = "anon dev-zero file shm memfd",
);

static void run(void)
{
	size_t len = 2 * page_size;
	unsigned char *map = map_backing(NULL, 2, 2);
	unsigned char *area = reserve(4 * page_size), *dest = area + page_size;

	/* Four pages of seed 1; the middle two are the destination. */
	SAFE_MAP_ANON(area, 4 * page_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED);
	fill_pattern(area, 0, 4 * page_size, 1);

	CHECK_PTR_EQ(mremap(map, len, len, MREMAP_MAYMOVE | MREMAP_FIXED, dest), dest);
	CHECK_INTACT(dest, 0, 2);
	CHECK_UNMAPPED(map, len);
	CHECK_INTACT_SEED(area, 0, 1, 1);
	CHECK_INTACT_SEED(area, 3, 1, 1);
}
