/*
 * munlockall() undoes mlockall(MCL_CURRENT | MCL_FUTURE): afterwards the
 * process has no locked memory (VmLck 0), and a mapping made and touched
 * later is not locked either.  Catches a munlockall() that returns 0 and
 * leaves the locks, or clears them but keeps locking new mappings.
 */
#include "mlock.h"

MMAPCTS_CASE(
	.assertion = "After mlockall(MCL_CURRENT | MCL_FUTURE) and munlockall(), the "
		     "locked memory of the process (VmLck) is 0, also after a new "
		     "mapping is made and touched.",
	.spec      = "POSIX.1-2024 munlockall(): DESCRIPTION; Linux mlock(2); "
		     "proc_pid_status(5): VmLck",
	.profile   = "linux",
	.covers    = "M13",
	.needs     = "mlock",
);

static void run(void)
{
	LOCK_ALL(MCL_CURRENT | MCL_FUTURE);
	CHECK_GE(locked_kb(), (long)(page_size / 1024));

	CHECK_OK(munlockall());
	CHECK_EQ(locked_kb(), 0);
	void *map = SAFE_MAP_ANON(NULL, page_size, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	touch_pages(map, page_size);
	CHECK_EQ(locked_kb(), 0);
}
