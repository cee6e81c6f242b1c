/*
 * RLIMIT_MEMLOCK binds mlock() in a process without CAP_IPC_LOCK: with
 * the limit at 0 the call fails with EPERM, with a limit of one page a
 * lock of two pages fails with ENOMEM.  The child sets the limit and then
 * gives up CAP_IPC_LOCK (capset(); it stays root otherwise).  Catches an
 * mlock() that locks past the limit (the check missing, or made against
 * the wrong counter) and reports success.
 */
#include "mlock.h"

MMAPCTS_CASE(
	.assertion = "Without CAP_IPC_LOCK, mlock() fails with EPERM where "
		     "RLIMIT_MEMLOCK is 0 and with ENOMEM where the lock would "
		     "exceed a nonzero RLIMIT_MEMLOCK.",
	.spec      = "Linux mlock(2): ERRORS, EPERM, ENOMEM; getrlimit(2): RLIMIT_MEMLOCK",
	.profile   = "linux",
	.covers    = "M11",
	.needs     = "mlock",
	.variants  = "zero short",
);

static void lock_past_limit(void *arg)
{
	size_t len = 2 * page_size;
	void *map = SAFE_MAP_ANON(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE);

	(void)arg;
	BIND_MEMLOCK_LIMIT(variant_is("zero") ? 0 : page_size);
	if (variant_is("zero"))
		CHECK_FAILS(mlock(map, len), EPERM);
	else
		CHECK_FAILS(mlock(map, len), ENOMEM);
}

static void run(void)
{
	run_in_child(lock_past_limit, NULL);
}
