/*
 * madvise(MADV_DONTNEED) does not depend on the protection: it succeeds on
 * PROT_NONE memory, and it acts there - private anonymous pages written
 * while writable, then made PROT_NONE and advised, read as zero once they
 * are readable again.  Allocators return memory this way after they have
 * made it inaccessible.  A kernel that checks access rights first (EACCES,
 * EINVAL or ENOMEM for PROT_NONE) fails at the call; one that returns 0
 * but skips inaccessible pages fails on the first pattern byte.
 */
#include "madvise.h"

MMAPCTS_CASE(
	.assertion = "On Linux, madvise(MADV_DONTNEED) of PROT_NONE private "
		     "anonymous memory succeeds and drops its pages.",
	.spec      = "Linux madvise(2): MADV_DONTNEED (\"after a successful "
		     "MADV_DONTNEED operation ... zero-fill-on-demand pages for "
		     "anonymous private mappings\"; ERRORS name no protection)",
	.profile   = "linux",
	.covers    = "M2",
	.needs     = "madvise MADV_DONTNEED",
);

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *p = anon_pattern(4, PROT_NONE);

	CHECK_OK(madvise(p, len, MADV_DONTNEED));

	SAFE_MPROTECT(p, len, PROT_READ);
	CHECK_ZERO(p, len);
}
