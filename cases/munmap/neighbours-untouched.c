/*
 * munmap() removes only the pages of its range: the pages on either side,
 * part of the same mapping, stay mapped with their contents.
 *
 * One three-page mapping holds the pattern; the middle page is unmapped,
 * splitting the mapping in two.  Each outer page is probed before its
 * contents are compared, so a kernel that removed the whole mapping (or
 * rounded the range out to a neighbour) gives a FAIL naming the page, not
 * a crash; a kernel that kept the pages but lost their data on the split
 * (fresh zero pages) fails the pattern check.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "Unmapping the middle page of a mapping leaves the pages before "
		     "and after it mapped, with their contents.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (removes the mappings for "
		     "the entire pages containing any part of [addr, addr+len), "
		     "and only those)",
	.profile   = "posix",
);

static void run(void)
{
	unsigned char *map = SAFE_MMAP(NULL, 3 * page_size, PROT_READ | PROT_WRITE,
				       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned char *before = map, *after = map + 2 * page_size;

	fill_pattern(map, 0, 3 * page_size, 0);

	SAFE_MUNMAP(map + page_size, page_size);

	CHECK_READ_OK(before);
	CHECK_READ_OK(before + page_size - 1);
	CHECK_READ_OK(after);
	CHECK_READ_OK(after + page_size - 1);
	CHECK_PATTERN(before, 0, page_size);
	CHECK_PATTERN(after, 2 * page_size, page_size);
}
