/*
 * munlock() of the middle of a locked mapping splits it: the pages before
 * and after stay locked, each its own mapping (VmFlags "lo" in
 * /proc/self/smaps), the middle is unlocked; munlock() of the rest merges
 * the pieces back into one unlocked mapping.  The mapping lies between
 * PROT_NONE pages of a reservation, so it merges with nothing else.
 * Catches a munlock() that unlocks the whole mapping a range lies in, and
 * one that leaves the pieces apart.
 */
#include "mlock.h"

MMAPCTS_CASE(
	.assertion = "munlock() of the middle pages of a locked mapping leaves the "
		     "first and last pages locked as mappings of their own; munlock() "
		     "of all of it leaves one unlocked mapping.",
	.spec      = "Linux mlock(2): munlock(); proc_pid_smaps(5): VmFlags, lo",
	.profile   = "linux",
	.covers    = "M15",
	.needs     = "mlock",
);

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *area = reserve(len + 2 * page_size);
	unsigned char *map = SAFE_MMAP(area + page_size, len, PROT_READ | PROT_WRITE,
				       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);

	touch_pages(map, len);
	SAFE_MLOCK(map, len);
	CHECK_LOCK_LAYOUT(map, len, "0-4 lo");

	CHECK_OK(munlock(map + page_size, 2 * page_size));
	CHECK_LOCK_LAYOUT(map, len, "0-1 lo; 1-3 -; 3-4 lo");
	CHECK_OK(munlock(map, len));
	CHECK_LOCK_LAYOUT(map, len, "0-4 -");
}
