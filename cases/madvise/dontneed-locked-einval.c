/*
 * madvise(MADV_DONTNEED) refuses locked memory: the range holds an
 * mlock()ed page, so the call fails with EINVAL and the pages keep their
 * bytes - dropping them would break the lock's promise that the memory
 * stays resident.  A kernel that zaps locked pages (returns 0, the data
 * gone) fails at the call or on the first zero byte.
 */
#include "madvise.h"

MMAPCTS_CASE(
	.assertion = "On Linux, madvise(MADV_DONTNEED) of an mlock()ed range "
		     "fails with EINVAL and leaves its contents alone.",
	.spec      = "Linux madvise(2): ERRORS (EINVAL: \"advice is MADV_DONTNEED or "
		     "MADV_REMOVE and the specified address range includes locked, "
		     "Huge TLB pages, or VM_PFNMAP pages\")",
	.profile   = "linux",
	.covers    = "M2",
	.needs     = "madvise MADV_DONTNEED mlock",
);

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *p = anon_pattern(4, PROT_READ | PROT_WRITE);

	SAFE_MLOCK(p, len);
	CHECK_FAILS(madvise(p, len, MADV_DONTNEED), EINVAL);

	CHECK_PATTERN(p, 0, len);
}
