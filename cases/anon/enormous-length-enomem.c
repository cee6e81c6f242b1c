/*
 * mmap() of anonymous memory longer than any address space can hold fails
 * with ENOMEM: there is no room to place it.  The length is the largest
 * page multiple a size_t holds, so it cannot fit whatever the machine,
 * and nothing else in the call is wrong (MAP_PRIVATE|MAP_ANONYMOUS, fd -1,
 * offset 0, no hint).  An implementation that returns a mapping (of a
 * truncated length, say) or reports another errno fails.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "mmap() of MAP_ANONYMOUS memory with a length larger than "
		     "the address space fails with ENOMEM.",
	.spec      = "POSIX.1-2024 mmap(): ERRORS, [ENOMEM] (MAP_FIXED was not "
		     "specified and there is insufficient room in the address "
		     "space to effect the mapping)",
	.profile   = "posix",
	.covers    = "A11",
);

static void run(void)
{
	size_t len = SIZE_MAX - page_size + 1;

	CHECK_MAP_FAILS(mmap(NULL, len, PROT_READ | PROT_WRITE,
			     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), ENOMEM);
}
