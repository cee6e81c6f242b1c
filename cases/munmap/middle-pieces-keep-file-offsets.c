/*
 * Unmapping the middle page of a MAP_SHARED file mapping leaves two working
 * pieces, each still mapping the object at its original offsets: stores
 * through either piece reach the object where they belong.
 *
 * The object and the mapping hold three pages.  After the middle page is
 * unmapped, both remaining pages are filled with a second pattern (seed 1)
 * computed from their offsets, and the object is read back: pages 0 and 2
 * must hold the stores, page 1 its original bytes.  A kernel that gets the
 * file offset of the tail piece wrong when it splits the mapping (so the
 * tail maps offset 1 page, or 0) writes into the wrong page and fails, as
 * does one that makes either piece private or read-only.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "After the middle page of a MAP_SHARED mapping is unmapped, "
		     "stores through the first and last pages reach the object at "
		     "their own offsets and the middle of the object is unchanged.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (only the pages of the range "
		     "are removed); mmap(): DESCRIPTION, MAP_SHARED",
	.profile   = "posix",
	.covers    = "G6",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, 3 * page_size, PROT_READ | PROT_WRITE,
					      MAP_SHARED, &obj);
	const unsigned char *now;

	SAFE_MUNMAP(map + page_size, page_size);
	fill_pattern(map, 0, page_size, 1);
	fill_pattern(map + 2 * page_size, 2 * page_size, page_size, 1);

	now = object_contents(&obj, 3 * page_size);
	CHECK_PATTERN_SEED(now, 0, page_size, 1);
	CHECK_PATTERN(now + page_size, page_size, page_size);
	CHECK_PATTERN_SEED(now + 2 * page_size, 2 * page_size, page_size, 1);
}
