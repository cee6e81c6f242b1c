/*
 * A store through a MAP_SHARED, PROT_WRITE mapping marks the file's
 * st_mtime and st_ctime for update by the time msync(MS_ASYNC) returns:
 * POSIX names MS_ASYNC and MS_SYNC alike as the end of the interval, so
 * the asynchronous call, which need not wait for any write-back, must
 * still leave the times marked (fstat() then shows them updated).  The
 * times are set back first, as in store-marks-times.  Fails under a
 * kernel that updates the times only when it writes the pages back, and
 * whose MS_ASYNC does not.
 *
 * File only: the rule is about files; shm and memfd times are not covered.
 */
#include "shared-file.h"

MMAPCTS_CASE(
	.assertion = "After a store through a MAP_SHARED PROT_WRITE mapping and "
		     "msync(MS_ASYNC), the file's st_mtime and st_ctime have been "
		     "updated.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (st_ctime and st_mtime "
		     "\"shall be marked for update\" between a write reference and "
		     "the next msync() with MS_ASYNC or MS_SYNC: MS_ASYNC here)",
	.profile   = "posix",
	.covers    = "I9",
	.covers_part = "C8",
);

static void run(void)
{
	check_store_marks_times(MS_ASYNC, 0);
}
