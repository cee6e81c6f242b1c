/*
 * mmap() of anonymous memory with a length of SIZE_MAX fails with ENOMEM,
 * although rounding that length up to whole pages wraps around to zero.
 * The mapping covers whole pages, so an implementation computes the
 * rounded length; one that does so without checking for overflow gets 0
 * (or one page) and fails here by returning a tiny mapping, or by
 * reporting EINVAL for the zero length it made up.  Everything else in
 * the call is valid.  The page-aligned near-maximum length is
 * anon/enormous-length-enomem.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "mmap() of MAP_ANONYMOUS memory with a length of SIZE_MAX, "
		     "whose page-rounded value wraps around, fails with ENOMEM.",
	.spec      = "POSIX.1-2024 mmap(): ERRORS, [ENOMEM] (insufficient room in "
		     "the address space to effect the mapping)",
	.profile   = "posix",
	.covers    = "A11",
);

static void run(void)
{
	CHECK_MAP_FAILS(mmap(NULL, SIZE_MAX, PROT_READ | PROT_WRITE,
			     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), ENOMEM);
}
