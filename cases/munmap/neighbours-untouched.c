/*
 * munmap() removes only the pages of its range: the pages on either side,
 * part of the same mapping, stay mapped with their contents.
 *
 * One three-page mapping holds the pattern; the middle page is unmapped,
 * splitting the mapping in two.  Each outer page is probed at its first
 * and last byte before its contents are compared, so a kernel that removed
 * the whole mapping (or rounded the range out to a neighbour) gives a FAIL
 * naming the page, not a crash; a kernel that kept the pages but lost their
 * data on the split (fresh zero pages) fails the pattern check.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "Unmapping the middle page of a mapping leaves the pages before "
		     "and after it mapped, with their contents.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (removes the mappings for "
		     "the entire pages containing any part of [addr, addr+len), "
		     "and only those)",
	.profile   = "posix",
	.covers    = "G6",
);

static void run(void)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, 3 * page_size, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	SAFE_MUNMAP(map + page_size, page_size);

	CHECK_INTACT(map, 0, 1);
	CHECK_INTACT(map, 2, 1);
}
