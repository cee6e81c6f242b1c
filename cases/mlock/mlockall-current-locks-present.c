/*
 * mlockall(MCL_CURRENT) locks every mapping the process has: an anonymous
 * mapping made and never touched before the call is afterwards counted in
 * VmLck and resident.  Catches an mlockall() that drops MCL_CURRENT (locks
 * nothing that exists) and one that marks the mappings locked without
 * faulting their pages in.
 */
#include "mlock.h"

MMAPCTS_CASE(
	.assertion = "After mlockall(MCL_CURRENT), an untouched mapping made before "
		     "the call is resident and counted in the locked memory of the "
		     "process (VmLck).",
	.spec      = "POSIX.1-2024 mlockall(): DESCRIPTION, MCL_CURRENT; Linux mlock(2); "
		     "proc_pid_status(5): VmLck",
	.profile   = "linux",
	.covers    = "M13",
	.needs     = "mlock mincore",
);

static void run(void)
{
	size_t len = 8 * page_size;
	void *map = SAFE_MAP_ANON(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	long before = locked_kb();

	LOCK_ALL(MCL_CURRENT);
	CHECK_GE(locked_kb(), before + (long)(len / 1024));
	CHECK_EQ(resident_pages(map, len), len / page_size);
}
