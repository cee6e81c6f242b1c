/*
 * mprotect() of a range that runs past the end of the address space
 * fails with ENOMEM: its addresses "are invalid for the address space of
 * a process".
 *
 * The range starts at a mapped page and is almost as long as the whole
 * address space (SIZE_MAX rounded down to a page multiple), so its end
 * wraps around.  An implementation that computed the end with wrapping
 * arithmetic and protected the (empty or short) result, returning 0, or
 * that reported EINVAL, fails.
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "mprotect() of a range extending past the end of the address "
		     "space fails with ENOMEM.",
	.spec      = "POSIX.1-2024 mprotect(): ERRORS, shall fail: ENOMEM "
		     "(\"Addresses in the range [addr,addr+len) are invalid for the "
		     "address space of a process\")",
	.profile   = "posix",
	.covers    = "H3",
);

static void run(void)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, page_size, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);
	size_t huge = (size_t)0 - page_size;

	CHECK_FAILS(mprotect(map, huge, PROT_READ), ENOMEM);
}
