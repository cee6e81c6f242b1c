/*
 * PROT_READ | PROT_WRITE permits both accesses: memory mapped PROT_NONE
 * and then given read and write access by mprotect() takes a store, and
 * reads return what was stored.
 *
 * Starting from PROT_NONE at mmap() time means no page exists yet and
 * every access right comes from mprotect().  A kernel that granted only
 * read access (the store faults) or that failed to update the mapping
 * (both fault) fails; so does one whose store went to a different page
 * than the read (wrong value).
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "After mprotect(PROT_READ | PROT_WRITE) of a PROT_NONE "
		     "mapping, a store completes and a read returns the stored "
		     "value.",
	.spec      = "POSIX.1-2024 mprotect(): DESCRIPTION (implementations shall "
		     "support the bitwise-inclusive OR of PROT_READ and PROT_WRITE)",
	.profile   = "posix",
	.covers    = "H1",
);

static void run(void)
{
	unsigned char *map = SAFE_MMAP(NULL, page_size, PROT_NONE,
				       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	SAFE_MPROTECT(map, page_size, PROT_READ | PROT_WRITE);

	CHECK_WRITE_OK(map + 7, 0xa5);
	CHECK_READ_OK(map + 7);
	CHECK_EQ(map[7], 0xa5);
}
