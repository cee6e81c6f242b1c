/*
 * A store through a MAP_SHARED, PROT_WRITE mapping marks the file's
 * st_mtime and st_ctime for update by the time msync(MS_SYNC) returns.
 * Timestamps may be coarse, so the case does not wait for the clock: it
 * first sets st_mtime far into the past with futimens(), so an update
 * shows as a jump forward of years.  st_ctime cannot be set back (the
 * futimens() itself sets it to now), so it is checked to be no earlier
 * than the new st_mtime: both fields are marked together and set at the
 * same update.  Fails under a kernel that does not update the times for
 * stores through a mapping (old Linux did not: kernel bugzilla 2645),
 * and, whenever the clock has ticked between futimens() and the store,
 * under one that updates st_mtime alone.
 *
 * File only: the rule is about files; shm and memfd times are not covered.
 */
#include "shared-file.h"

MMAPCTS_CASE(
	.assertion = "After a store through a MAP_SHARED PROT_WRITE mapping and "
		     "msync(MS_SYNC), the file's st_mtime and st_ctime have been "
		     "updated.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (st_ctime and st_mtime "
		     "\"shall be marked for update\" between a write reference and "
		     "the next msync() with MS_ASYNC or MS_SYNC: MS_SYNC here)",
	.profile   = "posix",
	.covers    = "I9",
	.covers_part = "C8",
);

static void run(void)
{
	check_store_marks_times(MS_SYNC, 0);
}
