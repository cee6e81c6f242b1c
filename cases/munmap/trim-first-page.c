/*
 * Unmapping the first page of a mapping removes that page and nothing
 * else: the rest of the mapping stays, with its contents.
 *
 * A three-page mapping holds the pattern; munmap() gets its first page.
 * Page 0 must fault with SEGV_MAPERR and pages 1 and 2 must still read
 * their pattern.  A kernel that, trimming the start of a mapping, shifts
 * the remaining pages' contents (so page 1 shows page 0's bytes), removes
 * the whole mapping, or ignores a range that does not cover a mapping
 * entirely, fails.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "munmap() of the first page of a mapping removes that page "
		     "and leaves the following pages mapped with their contents.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (removes the mappings of the "
		     "pages containing part of the range, and only those)",
	.profile   = "posix",
	.covers    = "G6",
);

static void run(void)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, 3 * page_size, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	SAFE_MUNMAP(map, page_size);

	CHECK_UNMAPPED(map, page_size);
	CHECK_INTACT(map, 1, 2);
}
