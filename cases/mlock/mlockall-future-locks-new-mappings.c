/*
 * mlockall(MCL_FUTURE) locks the memory mapped after it: the process's
 * locked memory (VmLck) grows by at least a page that is mapped and
 * touched after the call.  fork/mlockall-not-inherited and
 * exec/mlockall-future-dropped lean on this in their setup (SAFE_* and
 * UNRESOLVED when VmLck does not show it); this case is where a broken
 * MCL_FUTURE is a FAIL.  An mlockall() that returns 0 and locks nothing
 * fails on the count; one that refuses although RLIMIT_MEMLOCK has room
 * fails on the call.  "At least": the library's own memory mapped in
 * between is locked as well.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "After mlockall(MCL_FUTURE) within RLIMIT_MEMLOCK, a page "
		     "mapped and touched is counted in the locked memory of the "
		     "process (VmLck).",
	.spec      = "POSIX.1-2024 mlockall(): DESCRIPTION, MCL_FUTURE; Linux "
		     "mlock(2), proc_pid_status(5): VmLck",
	.profile   = "linux",
	.covers    = "M13",
	.needs     = "mlock",
);

static void run(void)
{
	const char *why = memlock_refusal_reason(4 * page_size);

	if (why && mlockall(MCL_FUTURE) < 0)
		UNSUPPORTED("mlockall(MCL_FUTURE) refused (%s): %s", errno_name(errno), why);
	else if (!why)
		CHECK_OK(mlockall(MCL_FUTURE));
	long before = locked_kb();
	unsigned char *map = CHECK_MAP_OK(mmap(NULL, page_size, PROT_READ | PROT_WRITE,
					       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));

	touch_pages(map, page_size);
	CHECK_GE(locked_kb(), before + (long)(page_size / 1024));
}
