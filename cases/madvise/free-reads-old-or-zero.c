/*
 * MADV_FREE lets the kernel take dirty private anonymous pages whenever it
 * needs memory, and until then leave them be: afterwards each page reads
 * either all of its old bytes (kept) or all zero (taken and refaulted),
 * nothing else.  Which it did depends on memory pressure, so how many
 * pages were taken is recorded (observation "free_pages_dropped"), never
 * asserted; MADV_PAGEOUT of the second half asks for the reclaim that
 * pressure would bring (best effort: its result is not checked), so the
 * zero path is taken too where the kernel has it.  A kernel that hands
 * back a stale or half-cleared page (bytes of another page, a fill
 * pattern, old bytes after a zeroed part) fails naming the page.
 */
#include "madvise.h"

MMAPCTS_CASE(
	.assertion = "On Linux, after madvise(MADV_FREE) every page of dirty "
		     "private anonymous memory reads either its old bytes or "
		     "zeroes, whole.",
	.spec      = "Linux madvise(2): MADV_FREE (since Linux 4.5: the kernel may "
		     "free the pages under memory pressure, and a freed page reads "
		     "as zero; one it has not freed keeps its bytes)",
	.profile   = "linux",
	.covers    = "M6",
	.needs     = "madvise",
);

static void run(void)
{
	size_t npages = 16, len = npages * page_size, dropped = 0;
	unsigned char *p = small_pages(npages);
	unsigned char *zero = scratch(page_size);

	fill_pattern(p, 0, len, 1);
	ADVISE_OK(p, len, MADV_FREE);
	(void)madvise(p + len / 2, len / 2, MADV_PAGEOUT);

	for (size_t i = 0; i < npages; i++) {
		unsigned char *page = p + i * page_size;

		if (!memcmp(page, zero, page_size)) {
			dropped++;
			continue;
		}
		CHECK_PATTERN_SEED(page, i * page_size, page_size, 1);
	}
	OBSERVE("free_pages_dropped", "%zu of %zu", dropped, npages);
}
