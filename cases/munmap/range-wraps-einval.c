/*
 * munmap() of a range that runs past the top of the address space and
 * wraps around to address 0 fails with EINVAL.
 *
 * addr is a page-aligned page the case has mapped and len is chosen so
 * that addr + len passes the highest address and wraps to one page above
 * 0: no process can have such a range, because its end does not exist.
 * POSIX requires EINVAL when addresses of [addr, addr+len) are outside
 * the valid range for the address space of a process; Linux checks the
 * length against the user address limit (TASK_SIZE) before anything else.
 * An implementation that computes the wrapped end (one page) and finds
 * end < addr "empty" (returns 0), or that unmaps from addr upward, fails
 * (the second way the process loses its stack and is killed: CRASH).
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "munmap() of a range that wraps around the top of the address "
		     "space fails with EINVAL.",
	.spec      = "POSIX.1-2024 munmap(): ERRORS, shall fail: EINVAL (\"Addresses "
		     "in the range [addr,addr+len) are outside the valid range for "
		     "the address space of a process\")",
	.profile   = "posix",
	.covers    = "G3",
);

static void run(void)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, page_size, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);
	size_t len = (size_t)(0 - (uintptr_t)map) + page_size;

	CHECK_FAILS(munmap(map, len), EINVAL);
}
