/*
 * A shared anonymous mapping is backed by an object of the size it was
 * made with; mremap() can grow the mapping but not the object, so the
 * pages past the object raise SIGBUS while the old pages keep their bytes.
 * Catches a kernel that fills the grown part with fresh zero pages (a
 * second object, or private memory), which a later fork() would not share.
 */
#include "mremap.h"

MMAPCTS_CASE(
	.assertion = "After mremap() grows a shared anonymous mapping, a read of "
		     "its pages past the original size raises SIGBUS (BUS_ADRERR) and "
		     "its first pages keep their contents.",
	.spec      = "Linux mremap(2): DESCRIPTION (expanding a mapping); Linux "
		     "mmap(2): MAP_SHARED|MAP_ANONYMOUS, SIGBUS (access beyond the end "
		     "of the object)",
	.profile   = "linux",
	.covers    = "D10",
	.needs     = "mremap MREMAP_MAYMOVE",
	.variants  = "anon dev-zero",
);

static void run(void)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, 2 * page_size, PROT_READ | PROT_WRITE,
					      MAP_SHARED, NULL);

	map = CHECK_MAP_OK(mremap(map, 2 * page_size, 4 * page_size, MREMAP_MAYMOVE));

	CHECK_INTACT(map, 0, 2);
	CHECK_READ_FAULTS(map + 2 * page_size, SIGBUS, BUS_ADRERR);
	CHECK_READ_FAULTS(map + 3 * page_size, SIGBUS, BUS_ADRERR);
}
