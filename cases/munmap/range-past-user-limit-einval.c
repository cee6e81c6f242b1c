/*
 * On Linux, munmap() of a range that starts in user space and ends above
 * the user address limit fails with EINVAL.
 *
 * addr is a page the case has mapped and the range runs to the top of the
 * address space, its last page included, without wrapping (addr + len is
 * 2^N, the first address past the top): it covers the rest of user space
 * (the stack included) and then the last page, which is above the user
 * limit on every Linux architecture (see munmap/top-page-einval).  POSIX
 * requires EINVAL for addresses outside "the valid range for the address
 * space of a process" but leaves that range to the implementation; Linux
 * defines it as below TASK_SIZE and rejects a range with
 * len > TASK_SIZE - addr.  A kernel that clips the range at the limit and
 * unmaps the user part instead kills the process (CRASH); one that
 * accepts the range and does nothing fails on the result.
 *
 * An earlier version stopped one page short of the top, assuming kernel
 * space below it.  On s390x there is none: the kernel has an address
 * space of its own and user space ends exactly there (TASK_SIZE_MAX is
 * -PAGE_SIZE, arch/s390/include/asm/processor.h), so that range was valid,
 * munmap() removed everything above addr, the stack too, and the case
 * died of SIGSEGV (CRASH) on a kernel that is right.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "munmap() of a range from a mapped user page to the top of "
		     "the address space, its last page included, fails with EINVAL.",
	.spec      = "Linux mmap(2): ERRORS, EINVAL (\"We don't like addr, length, or "
		     "offset (e.g., they are too large ...)\"); POSIX.1-2024 munmap(): "
		     "ERRORS, EINVAL (outside the valid range)",
	.profile   = "linux",
	.covers_part = "G3",
);

static void run(void)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, page_size, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);
	size_t len = (size_t)(0 - (uintptr_t)map);

	CHECK_FAILS(munmap(map, len), EINVAL);
}
