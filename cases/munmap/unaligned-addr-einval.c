/*
 * On Linux, munmap() requires addr to be a multiple of the page size and
 * fails with EINVAL otherwise.  POSIX only allows this ("may fail"), so
 * the case belongs to the linux profile.
 *
 * addr is one byte into a mapped page and len is one page, so the
 * misalignment is the only thing wrong with the call.  A kernel or libc
 * that rounded addr down (or up) and unmapped something instead fails.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "munmap() with an address that is not a multiple of the page "
		     "size fails with EINVAL.",
	.spec      = "Linux munmap(2): DESCRIPTION (\"The address addr must be a "
		     "multiple of the page size\"), ERRORS: EINVAL",
	.profile   = "linux",
	.covers    = "G3",
);

static void run(void)
{
	unsigned char *map = SAFE_MMAP(NULL, 2 * page_size, PROT_READ | PROT_WRITE,
				       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK_FAILS(munmap(map + 1, page_size), EINVAL);
}
