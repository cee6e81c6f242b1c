/*
 * mlock.c - faults in memory locking.
 */
#include "config.h"

#include "internal.h"

/* mlock-noop: the call succeeds and the pages stay as unlocked as they were. */
static int mlock_noop(const void *addr, size_t len)
{
	(void)addr;
	(void)len;
	return 0;
}
FAULT(MLOCK_NOOP, .mlock = mlock_noop);

/* mlockall-future-ignored: MCL_FUTURE dropped, as by a libc that passes
 * only the flags it knows from an older kernel. */
static int mlockall_future_ignored(int flags)
{
	flags &= ~MCL_FUTURE;
	return flags ? real_mlockall(flags) : 0;
}
FAULT(MLOCKALL_FUTURE_IGNORED, .mlockall = mlockall_future_ignored);
