/*
 * A lock is visible through POSIX alone: once mlock() of a range returns
 * 0, msync(MS_INVALIDATE) of that range fails with EBUSY, on the shared
 * mappings of a file, a shm object and a memfd.  Catches an mlock() that
 * returns 0 and locks nothing, and an msync() that invalidates locked
 * pages (throws away what the lock promised to keep) without a word.
 */
#include "mlock.h"

MMAPCTS_CASE(
	.assertion = "After mlock() of a shared mapping returns 0, msync() of the "
		     "range with MS_INVALIDATE fails with EBUSY.",
	.spec      = "POSIX.1-2024 mlock(): DESCRIPTION; msync(): ERRORS, EBUSY",
	.profile   = "posix",
	.covers    = "M9",
	.needs     = "mlock",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 2 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_SHARED, NULL);

	LOCK(map, len);

	CHECK_FAILS(msync(map, len, MS_SYNC | MS_INVALIDATE), EBUSY);
}
