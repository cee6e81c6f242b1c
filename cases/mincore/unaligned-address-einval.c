/*
 * mincore() refuses an address that is not a multiple of the page size
 * with EINVAL, even inside a mapped page.  A mincore() that rounds the
 * address down and reports on the page fails at the call.
 */
#include "mincore.h"

MMAPCTS_CASE(
	.assertion = "On Linux, mincore() with an address that is not page-aligned "
		     "fails with EINVAL.",
	.spec      = "Linux mincore(2): ERRORS (EINVAL: \"addr is not a multiple of "
		     "the page size\")",
	.profile   = "linux",
	.covers    = "M17",
	.needs     = "mincore",
);

static void run(void)
{
	unsigned char *vec = scratch(2);
	unsigned char *p = SAFE_MAP_ANON(NULL, 2 * page_size, PROT_READ | PROT_WRITE,
					 MAP_PRIVATE);

	CHECK_FAILS(mincore(p + 1, page_size, vec), EINVAL);
}
