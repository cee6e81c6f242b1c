/*
 * Without MAP_FIXED a hint need not be page-aligned: POSIX lists an
 * unaligned addr as an error only with MAP_FIXED, so a hint one byte into
 * a free page is accepted and the result is page-aligned.  Whether the
 * mapping lands in the hinted page is recorded (observation
 * "unaligned_hint_placed": "hinted page" or "elsewhere"); Linux rounds the
 * hint to a page boundary.  An implementation that applies the MAP_FIXED
 * alignment check to every hint (EINVAL), or returns the unaligned hint
 * itself, fails.
 */
#include "anon.h"

MMAPCTS_CASE(
	.assertion = "mmap() of MAP_ANONYMOUS memory without MAP_FIXED accepts "
		     "a hint that is not page-aligned and returns a page-aligned "
		     "address.",
	.spec      = "POSIX.1-2024 mmap(): ERRORS, [EINVAL] (addr not a multiple of "
		     "the page size is an error only if MAP_FIXED was specified)",
	.profile   = "posix",
	.covers    = "A9",
);

static void run(void)
{
	size_t len = 2 * page_size;
	unsigned char *page = free_range(len), *p;

	p = CHECK_MAP_OK(mmap(page + 1, len, PROT_READ | PROT_WRITE,
			      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
	OBSERVE("unaligned_hint_placed", "%s", p == page ? "hinted page" : "elsewhere");

	CHECK_EQ((uintptr_t)p % page_size, 0);
}
