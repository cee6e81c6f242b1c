/*
 * msync() with MS_INVALIDATE over memory that is locked fails with EBUSY,
 * also when only part of the range is locked: invalidating would throw
 * away pages the process asked to keep in memory.  The second of two
 * pages is locked with mlock() (SAFE_MLOCK: mlock/locks-counted asserts
 * it works), then msync() of both pages with MS_SYNC|MS_INVALIDATE and
 * with MS_ASYNC|MS_INVALIDATE must each give EBUSY, on every kind of
 * mapping.  Fails under a kernel or libc that ignores memory locks in
 * msync() (the call succeeds).
 */
#include "msync.h"

MMAPCTS_CASE(
	.assertion = "msync() with MS_INVALIDATE over a range part of which is "
		     "locked fails with EBUSY.",
	.spec      = "POSIX.1-2024 msync(): ERRORS, shall fail: EBUSY (\"some or all "
		     "of the addresses in the range ... are locked and MS_INVALIDATE "
		     "is specified\")",
	.profile   = "posix",
	.covers    = "I6",
	.variants  = "anon-private anon-shared file-private file-shared "
		     "read-only-private read-only-shared",
);

static void run(void)
{
	size_t len = 2 * page_size;
	unsigned char *map = map_kind(len);

	SAFE_MLOCK(map + page_size, page_size);

	CHECK_FAILS(msync(map, len, MS_SYNC | MS_INVALIDATE), EBUSY);
	CHECK_FAILS(msync(map, len, MS_ASYNC | MS_INVALIDATE), EBUSY);
}
