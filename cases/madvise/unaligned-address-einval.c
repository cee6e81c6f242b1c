/*
 * madvise() refuses an address that is not a multiple of the page size
 * with EINVAL, and advises nothing: one byte into a page of private
 * anonymous memory holding the pattern, MADV_DONTNEED over a page's
 * length must fail and leave both pages as they were.  A kernel or libc
 * that rounds the address down and goes ahead fails at the call (0) and on
 * the zeroed first page.
 */
#include "madvise.h"

MMAPCTS_CASE(
	.assertion = "On Linux, madvise() with an address that is not page-aligned "
		     "fails with EINVAL and changes nothing.",
	.spec      = "Linux madvise(2): ERRORS (EINVAL: \"addr is not page-aligned "
		     "or length is negative\")",
	.profile   = "linux",
	.covers    = "M3",
	.needs     = "madvise MADV_DONTNEED",
);

static void run(void)
{
	size_t len = 2 * page_size;
	unsigned char *p = anon_pattern(2, PROT_READ | PROT_WRITE);

	CHECK_FAILS(madvise(p + 1, page_size, MADV_DONTNEED), EINVAL);

	CHECK_PATTERN(p, 0, len);
}
