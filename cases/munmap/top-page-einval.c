/*
 * On Linux, munmap() of the last page of the address space, which is above
 * the user address limit, fails with EINVAL.
 *
 * The last page (address -page_size) is never user space on Linux: the
 * user limit TASK_SIZE is below it on every architecture (x86-64 and
 * arm64 put the kernel there; s390 stops user space one page short of
 * it).  The range is page-aligned, one page long and does not wrap, so
 * its position is the only thing wrong with it.  POSIX requires EINVAL
 * for addresses outside the valid range of a process but does not say
 * where that range ends, so the case belongs to the linux profile.  A
 * kernel that treats the kernel half as "no mappings here" and returns 0
 * fails.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "munmap() of the last page of the address space fails with "
		     "EINVAL.",
	.spec      = "Linux mmap(2): ERRORS, EINVAL (\"We don't like addr, length, or "
		     "offset (e.g., they are too large ...)\"); POSIX.1-2024 munmap(): "
		     "ERRORS, EINVAL (outside the valid range)",
	.profile   = "linux",
	.covers_part = "G3",
);

static void run(void)
{
	void *top = (void *)(0 - (uintptr_t)page_size);

	CHECK_FAILS(munmap(top, page_size), EINVAL);
}
