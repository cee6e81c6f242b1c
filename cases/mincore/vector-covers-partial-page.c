/*
 * mincore() rounds the length up to whole pages and fills one vector entry
 * per page, no more: for one page and one byte it writes two entries.  Of
 * three stored-to pages, the case asks about the first page and one byte
 * of the second, with every entry of the vector preset to a value
 * mincore() never writes.  The first two entries must say resident and
 * the third keep its preset value.  A mincore() that rounds the length
 * down leaves the second entry unwritten; one that writes an entry too
 * many (its vector length off by one) changes the third.
 */
#include "mincore.h"

MMAPCTS_CASE(
	.assertion = "On Linux, mincore() of a length that ends inside a page "
		     "fills an entry for that page and none past it.",
	.spec      = "Linux mincore(2): DESCRIPTION (\"vec must point to an array "
		     "containing at least (length+PAGE_SIZE-1) / PAGE_SIZE bytes\"; "
		     "length is rounded up to a multiple of the page size)",
	.profile   = "linux",
	.covers    = "M17",
	.needs     = "mincore",
);

static void run(void)
{
	unsigned char *p = stored_pages(3);
	unsigned char *vec = scratch(3);

	memset(vec, VEC_UNWRITTEN, 3);
	CHECK_OK(mincore(p, page_size + 1, vec));

	CHECK_EQ(vec[0] & 1, 1);
	CHECK_EQ(vec[1] & 1, 1);
	CHECK_EQ(vec[2], VEC_UNWRITTEN);
}
