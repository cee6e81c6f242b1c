/*
 * Anonymous memory costs no resident memory until it is touched: right
 * after mmap(), mincore() reports none of the pages of a 32 MiB private
 * mapping resident; after one store, the page stored to is.  The store
 * shows that mincore() does see this mapping's pages (a mincore() that
 * always answers "not resident" cannot pass).  The figures are recorded
 * (observations "untouched_resident_pages" and "resident_after_one_store",
 * the latter more than 1 where the system backs a store with a larger
 * page).  A kernel that allocates or zeroes the whole mapping up front
 * fails on the untouched count.  POSIX has neither residency nor
 * mincore(); Linux promises both, hence the linux profile.
 */
#include "anon.h"

MMAPCTS_CASE(
	.assertion = "On Linux, no page of a new untouched MAP_PRIVATE|"
		     "MAP_ANONYMOUS mapping is resident until it is touched, and "
		     "a stored-to page then is.",
	.spec      = "Linux mmap(2): MAP_POPULATE (page tables are prefaulted only "
		     "on request: otherwise pages are faulted in on access); "
		     "mincore(2): DESCRIPTION (which pages are resident)",
	.profile   = "linux",
	.covers_part = "M16",
	.needs     = "mincore",
);

static void run(void)
{
	size_t len = (size_t)32 << 20, npages = len / page_size;
	unsigned char *p = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE,
				     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	size_t untouched = resident_pages(p, len), after;

	OBSERVE("untouched_resident_pages", "%zu of %zu", untouched, npages);
	p[len / 2] = 1;
	after = resident_pages(p, len);
	OBSERVE("resident_after_one_store", "%zu of %zu", after, npages);

	CHECK_EQ(untouched, 0);
	CHECK_EQ(resident_pages(p + len / 2, 1), 1);
}
