/*
 * MADV_POPULATE_READ and MADV_POPULATE_WRITE prefault: when the call
 * returns, every page of the range is resident (mincore() says so) though
 * the case never touched one.  The memory is fresh private anonymous
 * memory in small pages, so nothing else can have made it resident (the
 * case checks that none was before).  Variant "read" populates for
 * reading (the shared zero page may back it), "write" for writing (a page
 * of its own each).  A kernel that accepts the advice and does nothing
 * (advice taken as a hint) fails with the count of resident pages.
 */
#include "madvise.h"

MMAPCTS_CASE(
	.assertion = "On Linux, MADV_POPULATE_READ and MADV_POPULATE_WRITE make "
		     "every page of untouched private anonymous memory resident.",
	.spec      = "Linux madvise(2): MADV_POPULATE_READ, MADV_POPULATE_WRITE "
		     "(since Linux 5.14: \"populate (prefault) page tables\"); "
		     "mincore(2)",
	.profile   = "linux",
	.covers    = "M5",
	.needs     = "madvise mincore",
	.variants  = "read write",
);

static void run(void)
{
	size_t npages = 16, len = npages * page_size;
	unsigned char *p = small_pages(npages);

	if (resident_pages(p, len) != 0)
		UNRESOLVED("untouched anonymous memory is resident already "
			   "(anon/demand-zero-not-resident checks that it is not)");
	if (variant_is("read"))
		ADVISE_OK(p, len, MADV_POPULATE_READ);
	else
		ADVISE_OK(p, len, MADV_POPULATE_WRITE);

	CHECK_EQ(resident_pages(p, len), npages);
}
