/*
 * mmap() with MAP_ANONYMOUS but neither MAP_SHARED nor MAP_PRIVATE in
 * flags fails with EINVAL: the flags do not say how stores are disposed
 * of.  Everything else is valid (fd -1, offset 0, a page of length, no
 * hint).  An implementation that picks a default (private, as some
 * historical systems did) and returns a mapping fails.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "mmap() with MAP_ANONYMOUS and neither MAP_SHARED nor "
		     "MAP_PRIVATE fails with EINVAL.",
	.spec      = "POSIX.1-2024 mmap(): ERRORS, [EINVAL] (the value of flags is "
		     "invalid: neither MAP_PRIVATE nor MAP_SHARED is set)",
	.profile   = "posix",
	.covers_part = "L2",
);

static void run(void)
{
	CHECK_MAP_FAILS(mmap(NULL, page_size, PROT_READ | PROT_WRITE, MAP_ANONYMOUS,
			     -1, 0), EINVAL);
}
