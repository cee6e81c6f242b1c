/*
 * mmap() with a length of zero fails with EINVAL.  Everything else in the
 * call is valid (MAP_PRIVATE|MAP_ANONYMOUS, fd -1, offset 0, no address
 * hint), so EINVAL can only come from the length.  An implementation that
 * returns a mapping (a zero-length one, or a page) or reports another
 * errno fails.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "mmap() of an anonymous mapping with len 0 fails with EINVAL.",
	.spec      = "POSIX.1-2024 mmap(): ERRORS, [EINVAL] (the value of len is zero)",
	.profile   = "posix",
	.covers    = "L1",
);

static void run(void)
{
	CHECK_MAP_FAILS(mmap(NULL, 0, PROT_READ | PROT_WRITE,
			     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), EINVAL);
}
