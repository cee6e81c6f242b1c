/*
 * After mlockall(MCL_FUTURE), a new mapping must be locked, so one larger
 * than RLIMIT_MEMLOCK cannot be made: mmap() fails with EAGAIN.  The child
 * sets the limit to four pages and gives up CAP_IPC_LOCK (capset(); it
 * stays root otherwise) before asking for eight.  Catches an mlockall()
 * that drops MCL_FUTURE, and a kernel that maps and leaves the mapping
 * unlocked when the lock does not fit.
 */
#include "mlock.h"

MMAPCTS_CASE(
	.assertion = "Without CAP_IPC_LOCK and after mlockall(MCL_FUTURE), mmap() of "
		     "more memory than RLIMIT_MEMLOCK allows fails with EAGAIN.",
	.spec      = "POSIX.1-2024 mmap(): ERRORS, EAGAIN (mlockall()); Linux mmap(2): "
		     "ERRORS, EAGAIN",
	.profile   = "linux",
	.covers    = "L10",
	.needs     = "mlock",
);

static void map_past_future_lock(void *arg)
{
	size_t len = 8 * page_size;

	(void)arg;
	BIND_MEMLOCK_LIMIT(4 * page_size);
	CHECK_OK(mlockall(MCL_FUTURE));
	void *map = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
			 -1, 0);
	int err = errno;

	munlockall();
	errno = err;
	CHECK_MAP_FAILS(map, EAGAIN);
}

static void run(void)
{
	run_in_child(map_past_future_lock, NULL);
}
