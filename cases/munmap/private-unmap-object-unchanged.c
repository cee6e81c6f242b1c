/*
 * Removing a private mapping leaves the object alone: the modifications
 * made through it are not written back at munmap().
 *
 * The mapping is written with a second pattern (seed 1), unmapped, and
 * only then is the object read (pread(), or a fresh shared mapping for
 * shm).  The stores-never-reach-the-file rule is checked by the
 * private-file group while the mapping lives; this case is about the
 * moment of removal: a kernel that writes dirty private pages back to the
 * object when it tears the mapping down (treating them like shared dirty
 * pages) fails here and only here.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "After munmap() of a written MAP_PRIVATE mapping, the object "
		     "still holds its original bytes.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (\"If a mapping to be removed "
		     "was private, any modifications made in this address range shall "
		     "be discarded\"); mmap(): MAP_PRIVATE",
	.profile   = "posix",
	.covers    = "G7",
	.covers_part = "B3",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj;

	store_and_unmap(&obj, 2, MAP_PRIVATE);

	CHECK_PATTERN(object_contents(&obj, 2 * page_size), 0, 2 * page_size);
}
