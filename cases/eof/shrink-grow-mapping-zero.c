/*
 * A MAP_SHARED mapping that outlives a shrink and a grow of its object
 * shows the grown object: zero where the cut-off data was, the old data
 * before the cut.  The mapping is made and read in full before the
 * object is cut to the middle of its second page and grown back to three
 * pages.  POSIX leaves references to added or removed portions of a
 * mapped object unspecified; Linux decides every fault against the
 * current size and zeroes what a truncation cut, hence the linux profile.
 * Fails under a kernel that keeps the old pages mapped through the
 * truncation (old data reappears) or faults on the regrown pages.
 */
#include "eof.h"

MMAPCTS_CASE(
	.assertion = "After a mapped object is shrunk with ftruncate() and grown "
		     "again, an existing MAP_SHARED mapping reads zero where the "
		     "cut-off data was.",
	.spec      = "Linux mmap(2): SIGBUS (only beyond the current end of the "
		     "file); Linux truncate(2): DESCRIPTION (extended part reads as "
		     "null bytes)",
	.profile   = "linux",
	.covers    = "D7",
	.covers_part = "D9",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 3 * page_size;
	unsigned char *map = shrunk_and_grown(NULL, len);

	CHECK_PATTERN(map, 0, eof_size());
	CHECK_ZERO(map + eof_size(), len - eof_size());
}
