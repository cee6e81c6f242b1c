/*
 * A store to a page after MADV_FREE takes the page back: the kernel must
 * not free it any more, so it keeps the new bytes whatever reclaim comes
 * later.  Eight pages of dirty private anonymous memory are advised
 * MADV_FREE, then stored to again (the pattern of seed 2), then
 * MADV_PAGEOUT asks for the reclaim that memory pressure would bring; every
 * page must still hold the second stores.  A kernel whose reclaim drops
 * lazily-freed pages without looking at whether they were written since
 * (a data-loss bug Linux had to fix) fails with zeroes.
 */
#include "madvise.h"

MMAPCTS_CASE(
	.assertion = "On Linux, private anonymous pages stored to after "
		     "madvise(MADV_FREE) keep those stores through reclaim.",
	.spec      = "Linux madvise(2): MADV_FREE (since Linux 4.5: a page that is "
		     "written after the advice is not freed; the kernel frees only "
		     "pages left unwritten); MADV_PAGEOUT (since Linux 5.4: reclaim "
		     "the pages)",
	.profile   = "linux",
	.covers    = "M6",
	.needs     = "madvise",
);

static void run(void)
{
	size_t npages = 8, len = npages * page_size;
	unsigned char *p = small_pages(npages);

	fill_pattern(p, 0, len, 1);
	ADVISE_OK(p, len, MADV_FREE);
	fill_pattern(p, 0, len, 2);
	ADVISE_OK(p, len, MADV_PAGEOUT);

	CHECK_PATTERN_SEED(p, 0, len, 2);
}
