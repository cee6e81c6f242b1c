/*
 * munmap() removes the mapping, not only the pages that happen to be
 * present: pages that were never referenced fault after the unmap too.
 *
 * Nothing touches the mapping before munmap(), so no page of it has ever
 * been populated.  A kernel that unmapped only present page-table entries
 * and left the mapping itself behind would fill the pages on demand again
 * (the read completes with zero) and fail.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "After munmap(), pages of the range that were never referenced "
		     "raise SIGSEGV with SEGV_MAPERR when read.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (\"remove any mappings for "
		     "those entire pages\"; \"Further references to these pages shall "
		     "result in the generation of a SIGSEGV signal\")",
	.profile   = "posix",
	.covers    = "G1",
);

static void run(void)
{
	size_t len = 3 * page_size;
	unsigned char *map = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE,
				       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	SAFE_MUNMAP(map, len);

	CHECK_UNMAPPED(map, len);
}
