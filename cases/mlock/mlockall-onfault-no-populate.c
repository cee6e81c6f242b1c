/*
 * mlockall(MCL_CURRENT | MCL_ONFAULT) locks every mapping without faulting
 * it in: an untouched anonymous mapping is counted in VmLck but has no
 * page resident, and a page becomes resident when it is touched.  Catches
 * an mlockall() that drops MCL_ONFAULT and populates everything (a libc
 * passing only the flags an older kernel knew).
 */
#include "mlock.h"

MMAPCTS_CASE(
	.assertion = "After mlockall(MCL_CURRENT | MCL_ONFAULT), an untouched mapping "
		     "is counted in the locked memory of the process (VmLck) and has "
		     "no page resident until one is touched.",
	.spec      = "Linux mlock(2): mlockall(), MCL_ONFAULT; proc_pid_status(5): VmLck",
	.profile   = "linux",
	.covers    = "M13",
	.needs     = "mlock mincore MCL_ONFAULT",
);

static void run(void)
{
	size_t len = 8 * page_size;
	unsigned char *map = SAFE_MAP_ANON(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	long before = locked_kb();

	LOCK_ALL(MCL_CURRENT | MCL_ONFAULT);
	CHECK_GE(locked_kb(), before + (long)(len / 1024));
	CHECK_POPULATED_ON_TOUCH(map, len);
}
