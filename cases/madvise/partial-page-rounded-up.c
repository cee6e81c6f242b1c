/*
 * madvise() rounds the length up to whole pages: MADV_DONTNEED of one page
 * and one byte drops both pages of private anonymous memory holding the
 * pattern, so both read as zero.  A kernel or libc that rounds the length
 * down (advises whole pages only) fails on the first pattern byte of the
 * second page.
 */
#include "madvise.h"

MMAPCTS_CASE(
	.assertion = "On Linux, madvise(MADV_DONTNEED) of a length that ends "
		     "inside a page advises that whole page too.",
	.spec      = "Linux madvise(2): DESCRIPTION (\"the address range beginning "
		     "at address addr and with size length bytes\", whole pages: the "
		     "kernel rounds length up to a page multiple)",
	.profile   = "linux",
	.covers    = "M3",
	.needs     = "madvise MADV_DONTNEED",
);

static void run(void)
{
	size_t len = 2 * page_size;
	unsigned char *p = anon_pattern(2, PROT_READ | PROT_WRITE);

	CHECK_OK(madvise(p, page_size + 1, MADV_DONTNEED));

	CHECK_ZERO(p, len);
}
