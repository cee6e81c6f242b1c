/*
 * mlock2() with a flag it does not know fails with EINVAL and locks
 * nothing: the bit above MLOCK_ONFAULT is not a flag.  Catches an mlock2()
 * that drops the flags it does not know and locks, so that a caller can
 * never tell a new flag is missing.
 */
#include "mlock.h"

MMAPCTS_CASE(
	.assertion = "mlock2() with an undefined flag fails with EINVAL and the "
		     "locked memory of the process (VmLck) stays as it was.",
	.spec      = "Linux mlock(2): ERRORS, EINVAL (unknown flags)",
	.profile   = "linux",
	.covers    = "M14",
	.needs     = "mlock2",
);

static void run(void)
{
	size_t len = 2 * page_size;
	void *map = SAFE_MAP_ANON(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	long before = locked_kb();

	if (mlock2(map, len, 0) < 0)
		FEATURE_REFUSED("mlock2()", "4.4", errno);
	CHECK_OK(munlock(map, len));

	CHECK_FAILS(mlock2(map, len, MLOCK_ONFAULT << 1), EINVAL);
	CHECK_EQ(locked_kb(), before);
}
