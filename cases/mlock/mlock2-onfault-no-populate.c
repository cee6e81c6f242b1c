/*
 * mlock2(MLOCK_ONFAULT) locks a range without faulting it in: the range
 * is counted in VmLck at once, no page of an untouched anonymous mapping
 * is resident, and a page becomes resident (and stays locked) when it is
 * touched.  Catches an mlock2() that ignores MLOCK_ONFAULT and populates
 * the whole range, as mlock() does.
 */
#include "mlock.h"

MMAPCTS_CASE(
	.assertion = "After mlock2(MLOCK_ONFAULT) of an untouched mapping, the locked "
		     "memory of the process (VmLck) has grown by its length and no page "
		     "is resident until one is touched.",
	.spec      = "Linux mlock(2): mlock2(), MLOCK_ONFAULT; proc_pid_status(5): VmLck",
	.profile   = "linux",
	.covers    = "M14",
	.needs     = "mlock2 mincore",
);

static void run(void)
{
	size_t len = 8 * page_size;
	unsigned char *map = SAFE_MAP_ANON(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	const char *why = memlock_refusal_reason(len);
	long before = locked_kb();

	if (mlock2(map, len, MLOCK_ONFAULT) < 0) {
		if (errno == ENOSYS || errno == EINVAL)
			FEATURE_REFUSED("mlock2(MLOCK_ONFAULT)", "4.4", errno);
		if (why)
			UNSUPPORTED("mlock2() of %zu bytes refused (%s): %s", len,
				    errno_name(errno), why);
		FAIL("mlock2(MLOCK_ONFAULT) of %zu bytes failed: %s, although "
		     "RLIMIT_MEMLOCK allows the lock", len, errno_name(errno));
	}
	CHECK_EQ(locked_kb(), before + (long)(len / 1024));
	CHECK_POPULATED_ON_TOUCH(map, len);
}
