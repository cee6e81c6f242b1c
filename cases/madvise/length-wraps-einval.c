/*
 * madvise() refuses a length that runs past the end of the address space
 * with EINVAL, whichever way it wraps: one row rounds up past SIZE_MAX
 * (a length within a page of it), the other ends exactly where the
 * address space wraps to 0 plus a page.  Both start at a mapped page, so
 * nothing but the length is wrong.  A kernel that computes the end without
 * checking walks a range that wraps to 0 and answers ENOMEM (the holes
 * it finds) or, worse, advises low memory; it fails with the errno.
 */
#include "madvise.h"

MMAPCTS_CASE(
	.assertion = "On Linux, madvise() with a length that wraps around the "
		     "address space fails with EINVAL.",
	.spec      = "Linux madvise(2): ERRORS (EINVAL: \"addr is not page-aligned "
		     "or length is negative\": a length past the top of the address "
		     "space is negative as the kernel reads it)",
	.profile   = "linux",
	.covers    = "M3",
	.needs     = "madvise",
);

static void run(void)
{
	unsigned char *p = SAFE_MAP_ANON(NULL, page_size, PROT_READ | PROT_WRITE,
					 MAP_PRIVATE);
	/* rounding up to whole pages overflows */
	size_t rounds_past_max = SIZE_MAX - page_size + 2;
	/* addr + len wraps to one page past 0 */
	size_t wraps_to_zero = (size_t)0 - (uintptr_t)p + page_size;

	CHECK_FAILS(madvise(p, rounds_past_max, MADV_NORMAL), EINVAL);
	CHECK_FAILS(madvise(p, wraps_to_zero, MADV_NORMAL), EINVAL);
}
