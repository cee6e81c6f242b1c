/*
 * A munmap() range that covers the end of one mapping and the start of the
 * next removes exactly those pages: the rest of both mappings stays, with
 * its contents.
 *
 * Inside the case's reservation, pages 0 and 1 are private anonymous
 * memory holding the pattern and pages 2 and 3 a read-only private
 * mapping of the object (which holds the same pattern at the same
 * offsets), made adjacent with MAP_FIXED.  The call removes pages 1 and 2.
 * A kernel that rounds the range out to the mappings it touches (removing
 * pages 0 and 3 too), or that trims the start of the file mapping without
 * advancing its file offset (page 3 then shows the object's page 2),
 * fails.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "munmap() of the last page of one mapping and the first page "
		     "of the next removes those two pages and leaves the other "
		     "pages of both mappings with their contents.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (removes the mappings of the "
		     "pages containing part of the range, and only those)",
	.profile   = "posix",
	.covers    = "G5 G6",
);

static void run(void)
{
	struct object obj = make_object(4 * page_size);
	unsigned char *base = reserve(4 * page_size);

	SAFE_MMAP(base, 2 * page_size, PROT_READ | PROT_WRITE,
		  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	fill_pattern(base, 0, 2 * page_size, 0);
	SAFE_MMAP(base + 2 * page_size, 2 * page_size, PROT_READ,
		  MAP_PRIVATE | MAP_FIXED, obj.fd, 2 * (off_t)page_size);

	SAFE_MUNMAP(base + page_size, 2 * page_size);

	CHECK_UNMAPPED(base + page_size, 2 * page_size);
	CHECK_INTACT(base, 0, 1);
	CHECK_INTACT(base, 3, 1);
}
