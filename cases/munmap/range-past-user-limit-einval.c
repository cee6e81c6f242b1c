/*
 * On Linux, munmap() of a range that starts in user space and ends above
 * the user address limit fails with EINVAL.
 *
 * addr is a page the case has mapped and the range runs up to the last
 * page of the address space without wrapping, so it covers the rest of
 * user space (the stack included) and then addresses that are kernel
 * space on every Linux architecture.  POSIX requires EINVAL for addresses
 * outside "the valid range for the address space of a process" but leaves
 * that range to the implementation; Linux defines it as below TASK_SIZE
 * and rejects a range with len > TASK_SIZE - addr.  A kernel that clips
 * the range at the limit and unmaps the user part instead kills the
 * process (CRASH); one that accepts the range and does nothing fails on
 * the result.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "munmap() of a range from a mapped user page up to the last "
		     "page of the address space fails with EINVAL.",
	.spec      = "Linux mmap(2): ERRORS, EINVAL (\"We don't like addr, length, or "
		     "offset (e.g., they are too large ...)\"); POSIX.1-2024 munmap(): "
		     "ERRORS, EINVAL (outside the valid range)",
	.profile   = "linux",
);

static void run(void)
{
	unsigned char *map = pattern_mapping(1, MAP_PRIVATE);
	size_t len = (size_t)(0 - page_size - (uintptr_t)map);

	CHECK_FAILS(munmap(map, len), EINVAL);
}
