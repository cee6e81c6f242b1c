/*
 * mremap() with MREMAP_DONTUNMAP moves the pages of a private anonymous
 * mapping and leaves the old range mapped, empty: the destination holds
 * the bytes and the source reads as zero (its next touch faults in fresh
 * pages).  Two rows: a destination the kernel picks, and one given with
 * MREMAP_FIXED over an existing mapping, which is replaced.  Catches a
 * kernel that ignores the flag (the source is unmapped as in a plain
 * move), one that copies instead of moving (the source keeps its bytes),
 * and one that ignores MREMAP_FIXED alongside it.
 */
#include "mremap.h"

MMAPCTS_CASE(
	.assertion = "mremap() with MREMAP_MAYMOVE|MREMAP_DONTUNMAP of a private "
		     "anonymous mapping moves its contents to the new address and "
		     "leaves the old range mapped, reading zero; with MREMAP_FIXED "
		     "the new address is new_address.",
	.spec      = "Linux mremap(2): MREMAP_DONTUNMAP (since Linux 5.7; \"the "
		     "mapping at the old address remains ... any access after the "
		     "move will result in a page fault\", anonymous private: zero "
		     "pages)",
	.profile   = "linux",
	.covers    = "J11",
	.needs     = "mremap MREMAP_MAYMOVE MREMAP_FIXED MREMAP_DONTUNMAP",
);

static void run(void)
{
	size_t len = 2 * page_size;

	for (int fixed = 0; fixed <= 1; fixed++) {
		unsigned char *src = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
						      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

		dontunmap_move(src, len, fixed, "MREMAP_DONTUNMAP", "5.7");
		CHECK_READ_OK(src);
		CHECK_READ_OK(src + page_size);
		CHECK_ZERO(src, len);
	}
}
