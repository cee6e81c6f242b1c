/*
 * mlock() locks what it is asked to: it returns 0 and the process's
 * locked memory (VmLck in /proc/self/status, Linux's only window on
 * locks) grows by exactly the length locked.  Other cases lean on this
 * in their setup (SAFE_MLOCK(): munmap/mlock-released, fork/mlock-not-
 * inherited, exec/mlock-dropped) and end UNRESOLVED when it breaks; this
 * case is where a broken lock is a FAIL.  An mlock() that does nothing
 * and returns 0 fails on the count; one that refuses although
 * RLIMIT_MEMLOCK (raised to its hard limit) has room fails on the call.
 * Only a refusal the limit explains is UNSUPPORTED, naming the limit.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "mlock() of a mapped range within RLIMIT_MEMLOCK returns 0 "
		     "and the locked memory of the process (VmLck) grows by the "
		     "length locked.",
	.spec      = "POSIX.1-2024 mlock(): DESCRIPTION, RETURN VALUE; Linux "
		     "mlock(2), proc_pid_status(5): VmLck",
	.profile   = "linux",
	.covers    = "M9",
	.needs     = "mlock",
);

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);
	const char *why = memlock_refusal_reason(len);
	long before = locked_kb();

	if (why && mlock(map, len) < 0)
		UNSUPPORTED("mlock() of %zu bytes refused (%s): %s", len, errno_name(errno),
			    why);
	else if (!why)
		CHECK_OK(mlock(map, len));

	CHECK_EQ(locked_kb(), before + (long)(len / 1024));
}
