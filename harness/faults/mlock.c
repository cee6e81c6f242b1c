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
