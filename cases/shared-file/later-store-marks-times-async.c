/*
 * Every write reference marks the times, also with msync(MS_ASYNC): a
 * page already stored to and msync(MS_ASYNC)ed is stored to again, after
 * st_mtime has been set back, and by the next msync(MS_ASYNC) st_mtime
 * and st_ctime must be marked (fstat() shows them updated).  Fails under
 * a kernel that updates the times only at a write fault on a clean page
 * and whose MS_ASYNC neither writes the page back nor write-protects it:
 * the second store goes straight into the still-writable dirty page and
 * nothing marks the times.
 *
 * Linux FAILs here (seen on 6.18, on ext4 and on tmpfs): msync(MS_ASYNC)
 * does nothing at all ("Now it doesn't do anything, since dirty pages are
 * properly tracked", mm/msync.c), and file times are updated only by a
 * write fault (file_update_time() from the fault path), which a page that
 * stays writable and dirty does not take again until write-back cleans
 * and write-protects it.  Linux mmap(2) nevertheless states the POSIX
 * rule.  The MS_SYNC twin, later-store-marks-times-sync, passes on ext4.
 *
 * File only: the rule is about files; shm and memfd times are not covered.
 */
#include "shared-file.h"

MMAPCTS_CASE(
	.assertion = "A second store through a MAP_SHARED PROT_WRITE mapping, "
		     "after msync(MS_ASYNC), marks st_mtime and st_ctime again by "
		     "the next msync(MS_ASYNC).",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (st_ctime and st_mtime "
		     "\"shall be marked for update\" between a write reference and "
		     "the next msync() with MS_ASYNC or MS_SYNC: MS_ASYNC here)",
	.profile   = "posix",
	.covers    = "I9",
	.covers_part = "C8",
);

static void run(void)
{
	check_store_marks_times(MS_ASYNC, 1);
}
