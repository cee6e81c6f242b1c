/*
 * On Linux, mincore() over a range removed by munmap() fails with ENOMEM:
 * the kernel's own view of the address space no longer has the pages.
 *
 * Every page of the mapping is written, so before the unmap mincore()
 * reports them resident; after it, the call must fail.  A kernel that
 * removes the translations but keeps the mapping's record (so mincore()
 * still finds a mapping and reports its pages as not resident, returning
 * 0) fails.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "mincore() of a range removed by munmap() fails with ENOMEM.",
	.spec      = "Linux mincore(2): ERRORS, ENOMEM (\"addr to addr + length "
		     "contained unmapped memory\")",
	.profile   = "linux",
	.covers_part = "M17",
	.needs     = "mincore",
);

static void run(void)
{
	size_t len = 2 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, 2 * page_size, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);
	unsigned char vec[2];

	SAFE_MUNMAP(map, len);

	CHECK_FAILS(mincore(map, len, vec), ENOMEM);
}
