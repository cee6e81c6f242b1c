/*
 * Locked memory is resident, touched or not, and mincore() says so: eight
 * pages of fresh private anonymous memory, never accessed, locked by
 * mlock() (variant "mlock"), mapped with MAP_LOCKED ("map-locked") or
 * mapped after mlockall(MCL_FUTURE) ("mlockall-future"), must all be
 * reported resident.  Locking faults the pages in (for MAP_LOCKED the man
 * page says the kernel tries to: only a machine out of memory fails to
 * find eight pages); a mincore() that does not see locked pages, or a lock
 * that only records the range, fails with the count.
 */
#include "mincore.h"

MMAPCTS_CASE(
	.assertion = "On Linux, mincore() reports every page of untouched locked "
		     "memory resident, whether mlock(), MAP_LOCKED or "
		     "mlockall(MCL_FUTURE) locked it.",
	.spec      = "Linux mlock(2): DESCRIPTION (\"all pages that contain a part of "
		     "the specified address range are guaranteed to be resident in "
		     "RAM when the call returns successfully\"; MCL_FUTURE); mmap(2): "
		     "MAP_LOCKED; mincore(2)",
	.profile   = "linux",
	.covers    = "M16",
	.needs     = "mincore mlock",
	.variants  = "mlock map-locked mlockall-future",
);

static void run(void)
{
	size_t npages = 8, len = npages * page_size;
	unsigned char *p;

	if (variant_is("map-locked")) {
		p = SAFE_MAP_ANON(NULL, len, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_LOCKED);
	} else if (variant_is("mlockall-future")) {
		SAFE_MLOCKALL(MCL_FUTURE);
		p = SAFE_MAP_ANON(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	} else {
		p = SAFE_MAP_ANON(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE);
		SAFE_MLOCK(p, len);
	}

	CHECK_EQ(resident_pages(p, len), npages);
}
