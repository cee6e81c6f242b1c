/*
 * Splitting a transparent huge page keeps every byte of it: two 2 MiB
 * blocks advised MADV_HUGEPAGE are filled with the pattern (whether the
 * kernel backed them with huge pages is recorded: thp_before), then the
 * middle base page of the first block is cut out of the huge page - made
 * read-only with mprotect(), or unmapped with munmap(), one variant each.
 * Every other page of both blocks must still hold its bytes; the cut page
 * holds its bytes and refuses a store (mprotect), or is gone (munmap).
 * Catches a kernel whose split of a PMD-mapped huge page loses the rest of
 * the huge page, or remaps the wrong base pages.
 */
#include "hugepages.h"

MMAPCTS_CASE(
	.assertion = "mprotect() or munmap() of one base page inside a transparent huge "
		     "page of an MADV_HUGEPAGE range leaves every other page of the range "
		     "holding its bytes.",
	.spec      = "Linux madvise(2): MADV_HUGEPAGE; mprotect(2); munmap(2); "
		     "Documentation/admin-guide/mm/transhuge.rst",
	.profile   = "linux",
	.covers    = "N3",
	.variants  = "mprotect munmap",
);

static void run(void)
{
	unsigned char *map = thp_blocks(2);
	size_t len = 2 * THP_SIZE, npages = len / page_size, cut = THP_SIZE / 2 / page_size;

	ADVISE(map, len, MADV_HUGEPAGE);
	fill_pattern(map, 0, len, 0);
	OBSERVE("thp_before", "%zu kB", smaps_bytes(map, len, "AnonHugePages") / 1024);

	if (variant_is("mprotect")) {
		SAFE_MPROTECT(map + cut * page_size, page_size, PROT_READ);
		CHECK_INTACT(map, 0, npages);
		CHECK_WRITE_FAULTS(map + cut * page_size, SIGSEGV, SEGV_ACCERR);
	} else {
		SAFE_MUNMAP(map + cut * page_size, page_size);
		CHECK_INTACT(map, 0, cut);
		CHECK_INTACT(map, cut + 1, npages - cut - 1);
		CHECK_UNMAPPED(map + cut * page_size, page_size);
	}
	OBSERVE("thp_after", "%zu kB", smaps_bytes(map, len, "AnonHugePages") / 1024);
}
