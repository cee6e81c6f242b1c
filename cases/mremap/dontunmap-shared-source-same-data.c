/*
 * mremap() with MREMAP_DONTUNMAP of a shared mapping (shared anonymous
 * memory, a file, a shm object, a memfd) leaves the old range mapped to
 * the same pages: the destination and the source show the same bytes, and
 * a store through the destination is seen through the source.  Two rows:
 * a destination the kernel picks, and one given with MREMAP_FIXED over an
 * existing mapping.  Catches a kernel that ignores the flag (the source
 * is unmapped), one that empties the source as for private memory, and
 * one that ignores MREMAP_FIXED alongside it.
 */
#include "mremap.h"

MMAPCTS_CASE(
	.assertion = "mremap() with MREMAP_MAYMOVE|MREMAP_DONTUNMAP of a shared "
		     "mapping leaves the old range mapped to the same pages as the "
		     "new one; with MREMAP_FIXED the new address is new_address.",
	.spec      = "Linux mremap(2): MREMAP_DONTUNMAP (\"since Linux 5.13, "
		     "MREMAP_DONTUNMAP can also be used with mappings other than "
		     "private anonymous mappings\")",
	.profile   = "linux",
	.covers    = "J11",
	.needs     = "mremap MREMAP_MAYMOVE MREMAP_FIXED MREMAP_DONTUNMAP",
	.variants  = "anon dev-zero file shm memfd",
);

static void run(void)
{
	size_t len = 2 * page_size;

	for (int fixed = 0; fixed <= 1; fixed++) {
		unsigned char *src = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
						      MAP_SHARED, NULL);
		unsigned char *moved = dontunmap_move(src, len, fixed,
						      "MREMAP_DONTUNMAP of a shared mapping",
						      "5.13");

		CHECK_INTACT(src, 0, 2);
		fill_pattern(moved, 0, page_size, 2);
		CHECK_PATTERN_SEED(src, 0, page_size, 2);
	}
}
