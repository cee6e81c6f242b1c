/*
 * Unmapping the last page of a mapping removes that page and nothing
 * else: the rest of the mapping stays, with its contents.
 *
 * A three-page mapping holds the pattern; munmap() gets its last page.
 * Page 2 must fault with SEGV_MAPERR and pages 0 and 1 must still read
 * their pattern.  A kernel that only shrinks a mapping's recorded length
 * without removing the page's translation (the page stays reachable),
 * removes the whole mapping, or ignores a partial range, fails.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "munmap() of the last page of a mapping removes that page and "
		     "leaves the preceding pages mapped with their contents.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (removes the mappings of the "
		     "pages containing part of the range, and only those)",
	.profile   = "posix",
	.covers    = "G6",
);

static void run(void)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, 3 * page_size, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	SAFE_MUNMAP(map + 2 * page_size, page_size);

	CHECK_UNMAPPED(map + 2 * page_size, page_size);
	CHECK_INTACT(map, 0, 2);
}
