/*
 * mlock() makes the pages it locks resident: an anonymous mapping never
 * touched has every page resident (mincore()) once mlock() returns 0.
 * Catches an mlock() that marks the range locked but leaves the pages to
 * be faulted in later (as MLOCK_ONFAULT does), so the first access after
 * the lock can still wait for memory.
 */
#include "mlock.h"

MMAPCTS_CASE(
	.assertion = "After mlock() of an untouched anonymous mapping returns 0, "
		     "every page of it is resident.",
	.spec      = "POSIX.1-2024 mlock(): DESCRIPTION (memory-resident); Linux "
		     "mlock(2), mincore(2)",
	.profile   = "linux",
	.covers    = "M9",
	.needs     = "mlock mincore",
);

static void run(void)
{
	size_t len = 8 * page_size;
	void *map = SAFE_MAP_ANON(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE);

	LOCK(map, len);

	CHECK_EQ(resident_pages(map, len), len / page_size);
}
