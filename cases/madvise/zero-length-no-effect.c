/*
 * madvise() with a length of 0 succeeds and advises nothing: MADV_DONTNEED
 * of 0 bytes at the start of private anonymous memory holding the pattern
 * returns 0, and the first page keeps its bytes.  A kernel that refuses a
 * zero length (EINVAL, as mmap() and munmap() do) fails at the call; one
 * that rounds 0 up to a page and drops it fails on the first zero byte.
 */
#include "madvise.h"

MMAPCTS_CASE(
	.assertion = "On Linux, madvise(addr, 0, MADV_DONTNEED) returns 0 and "
		     "leaves the memory at addr alone.",
	.spec      = "Linux madvise(2): ERRORS (EINVAL only for an unaligned addr or "
		     "a negative length; a length of 0 is an empty range)",
	.profile   = "linux",
	.covers    = "M3",
	.needs     = "madvise MADV_DONTNEED",
);

static void run(void)
{
	size_t len = 2 * page_size;
	unsigned char *p = anon_pattern(2, PROT_READ | PROT_WRITE);

	CHECK_OK(madvise(p, 0, MADV_DONTNEED));

	CHECK_PATTERN(p, 0, len);
}
