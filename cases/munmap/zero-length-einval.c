/*
 * munmap() with a length of 0 fails with EINVAL.
 *
 * addr is the page-aligned start of a live mapping, so the length is the
 * only thing wrong with the call.  An implementation that treats a zero
 * length as "nothing to do" and returns 0 fails here.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "munmap() with a len of 0 fails with EINVAL.",
	.spec      = "POSIX.1-2024 munmap(): ERRORS, shall fail: EINVAL (\"The len "
		     "argument is 0\")",
	.profile   = "posix",
	.covers    = "G3",
);

static void run(void)
{
	unsigned char *map = SAFE_MMAP(NULL, page_size, PROT_READ | PROT_WRITE,
				       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK_FAILS(munmap(map, 0), EINVAL);
}
