/*
 * RLIMIT_MEMLOCK binds MAP_LOCKED at mapping time in a process without
 * CAP_IPC_LOCK: with the limit at 0 mmap(MAP_LOCKED) fails with EPERM,
 * with a limit of one page a locked mapping of two pages fails with
 * EAGAIN (the mapping "could not be locked").  The child sets the limit
 * and then gives up CAP_IPC_LOCK (capset(); it stays root otherwise).
 * Catches an mmap() that maps past the limit, locked or not (the flag
 * dropped).
 */
#include "mlock.h"

MMAPCTS_CASE(
	.assertion = "Without CAP_IPC_LOCK, mmap() with MAP_LOCKED fails with EPERM "
		     "where RLIMIT_MEMLOCK is 0 and with EAGAIN where the mapping "
		     "would exceed a nonzero RLIMIT_MEMLOCK.",
	.spec      = "Linux mmap(2): MAP_LOCKED, ERRORS, EAGAIN; mm/mmap.c do_mmap() "
		     "(EPERM where no lock is allowed); POSIX.1-2024 mmap(): ERRORS, "
		     "EAGAIN",
	.profile   = "linux",
	.covers    = "L10",
	.covers_part = "M11",
	.needs     = "MAP_LOCKED",
	.variants  = "zero short",
);

static void map_past_limit(void *arg)
{
	size_t len = 2 * page_size;
	int flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_LOCKED;

	(void)arg;
	BIND_MEMLOCK_LIMIT(variant_is("zero") ? 0 : page_size);
	if (variant_is("zero"))
		CHECK_MAP_FAILS(mmap(NULL, len, PROT_READ | PROT_WRITE, flags, -1, 0), EPERM);
	else
		CHECK_MAP_FAILS(mmap(NULL, len, PROT_READ | PROT_WRITE, flags, -1, 0), EAGAIN);
}

static void run(void)
{
	run_in_child(map_past_limit, NULL);
}
