/*
 * Every write reference marks the times, not only the first one after
 * the mapping is made: a page already stored to and msync(MS_SYNC)ed is
 * stored to again, after st_mtime has been set back, and the next
 * msync(MS_SYNC) must leave st_mtime and st_ctime updated.  A kernel that
 * notices stores only through write faults must take a fault here again
 * (MS_SYNC has written the page back, so it can write-protect it).  Fails
 * under a kernel that updates the times once per mapping or per page.
 *
 * On Linux the answer depends on the filesystem of the temp directory:
 * ext4 write-protects the page when MS_SYNC writes it back, so the second
 * store faults and updates the times (PASS on 6.18); tmpfs has no
 * write-back, the page stays writable and nothing marks the times (FAIL
 * on 6.18 with TMPDIR on tmpfs), the deviation later-store-marks-times-
 * async shows on every filesystem.
 *
 * File only: the rule is about files; shm and memfd times are not covered.
 */
#include "shared-file.h"

MMAPCTS_CASE(
	.assertion = "A second store through a MAP_SHARED PROT_WRITE mapping, "
		     "after msync(MS_SYNC), marks st_mtime and st_ctime again by "
		     "the next msync(MS_SYNC).",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (st_ctime and st_mtime "
		     "\"shall be marked for update\" between a write reference and "
		     "the next msync() with MS_ASYNC or MS_SYNC: MS_SYNC here)",
	.profile   = "posix",
	.covers    = "I9",
	.covers_part = "C8",
);

static void run(void)
{
	check_store_marks_times(MS_SYNC, 1);
}
