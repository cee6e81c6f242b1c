/*
 * One munmap() call removes a mapping that mprotect() has split into parts
 * with different protections, all of them.
 *
 * A three-page mapping is made read-write, then its middle page read-only
 * and its last page PROT_NONE, so the range is three mappings as the
 * kernel keeps them, with three protections.  One call removes all three
 * pages.  A kernel that removes only the part whose protection matches
 * the first page, or that refuses the call because some pages are not
 * writable or not accessible, fails.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "A single munmap() over a mapping whose pages have different "
		     "protections removes every page of it.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (removes \"any mappings\" in "
		     "the range, whatever their protection)",
	.profile   = "posix",
	.covers    = "G5",
);

static void run(void)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, 3 * page_size, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	SAFE_MPROTECT(map + page_size, page_size, PROT_READ);
	SAFE_MPROTECT(map + 2 * page_size, page_size, PROT_NONE);

	SAFE_MUNMAP(map, 3 * page_size);

	CHECK_UNMAPPED(map, 3 * page_size);
}
