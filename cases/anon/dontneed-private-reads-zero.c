/*
 * After madvise(MADV_DONTNEED), private anonymous memory reads as zero
 * again: Linux drops the pages, and the next access gets fresh
 * zero-fill-on-demand pages.  Allocators rely on this to return memory
 * and get it back clean.  The case fills 16 pages with a pattern, advises
 * all of them, and reads.  A kernel that treats MADV_DONTNEED as a hint
 * only (keeps the pages) fails with the first pattern byte it shows; one
 * that drops only some of the pages fails at the first page it kept.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "On Linux, MAP_PRIVATE|MAP_ANONYMOUS memory reads as zero "
		     "after madvise(MADV_DONTNEED).",
	.spec      = "Linux madvise(2): MADV_DONTNEED (subsequent accesses get "
		     "zero-fill-on-demand pages for anonymous private mappings)",
	.profile   = "linux",
	.covers    = "M1",
	.needs     = "madvise MADV_DONTNEED",
);

static void run(void)
{
	size_t len = 16 * page_size;
	unsigned char *p = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE,
				     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	fill_pattern(p, 0, len, 1);
	if (madvise(p, len, MADV_DONTNEED) < 0)
		UNRESOLVED("madvise(MADV_DONTNEED) failed: %s", errno_name(errno));

	CHECK_ZERO(p, len);
}
