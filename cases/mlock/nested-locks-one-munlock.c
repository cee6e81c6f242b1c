/*
 * Locks do not nest: after mlock() of the same range twice, one munlock()
 * unlocks it, and the locked memory of the process (VmLck) is back where
 * it was.  Catches a kernel that counts locks per page, so that a range
 * locked twice needs two munlock() calls.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "After mlock() of a range twice, one munlock() of it returns 0 "
		     "and leaves none of it locked (VmLck back to its value before).",
	.spec      = "POSIX.1-2024 mlock(): DESCRIPTION (munlock() unlocks regardless "
		     "of how many times mlock() was called); Linux mlock(2): NOTES",
	.profile   = "linux",
	.covers    = "M12",
	.needs     = "mlock",
);

static void run(void)
{
	size_t len = 2 * page_size;
	void *map = SAFE_MAP_ANON(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	size_t before = SAFE_MLOCK(map, len);

	CHECK_OK(mlock(map, len));
	CHECK_OK(munlock(map, len));
	CHECK_EQ(locked_kb(), (long)(before / 1024));
}
