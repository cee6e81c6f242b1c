/*
 * End-of-file is an offset in the object, not in the mapping: in a
 * mapping at offset one page of a two-page object, the mapping's first
 * page (object page 1) is readable and its second page (object page 2,
 * past the end) raises SIGBUS.  A kernel comparing the page's index in the
 * mapping with the object's size (1 < 2 pages) would let the second page
 * through, and one subtracting the offset twice would refuse the first:
 * both fail.
 */
#include "eof.h"

MMAPCTS_CASE(
	.assertion = "In a mapping at a non-zero offset, a page is past end-of-file "
		     "by its offset in the object: the page at object offset size "
		     "raises SIGBUS, the page before it shows the object.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (SIGBUS for pages following the "
		     "end of the object, at object offset off + n)",
	.profile   = "posix",
	.covers    = "D1",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(2 * page_size);
	unsigned char *map = SAFE_MMAP(NULL, 3 * page_size, PROT_READ, MAP_SHARED,
				       obj.fd, (off_t)page_size);

	CHECK_PATTERN(map, page_size, page_size);
	CHECK_READ_SIGNAL(map + page_size, SIGBUS);
}
