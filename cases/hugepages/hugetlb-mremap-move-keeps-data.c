/*
 * mremap() moves hugetlb memory with its data (Linux 5.16 added the move
 * of hugetlb mappings): two huge pages of private anonymous MAP_HUGETLB
 * memory, the pattern at both ends of each, moved with MREMAP_MAYMOVE |
 * MREMAP_FIXED to a huge-page-aligned address, hold the same bytes there,
 * are huge pages still (KernelPageSize), and are gone from the old
 * address.  EINVAL before 5.16 is UNSUPPORTED; from 5.16 on, FAIL.  The
 * hugetlb part of J12 (mremap/large-aligned-moves-keep-data has the base
 * and transparent huge page parts).  Needs two free huge pages.
 */
#include "hugepages.h"

MMAPCTS_CASE(
	.assertion = "mremap(MREMAP_MAYMOVE|MREMAP_FIXED) of a hugetlb mapping to a huge-"
		     "page-aligned address keeps every byte at its offset, in huge pages, "
		     "and unmaps the source.",
	.spec      = "Linux mremap(2): MREMAP_MAYMOVE, MREMAP_FIXED; Linux 5.16, "
		     "mm: hugetlb: add support for mremap() for hugetlb backed vma",
	.profile   = "linux",
	.covers    = "N2 J12",
	.needs     = "mremap MREMAP_MAYMOVE MREMAP_FIXED",
);

static void run(void)
{
	size_t huge = huge_pages_for_case(2), len = 2 * huge;
	unsigned char *src = map_huge("private", len, huge, 0);
	unsigned char *dest = aligned_room(len, huge);
	const size_t at[] = { 0, huge - page_size, huge, len - page_size };

	if (src == MAP_FAILED)
		FAIL("private MAP_HUGETLB mapping of two huge pages failed: %s", errno_name(errno));
	for (size_t i = 0; i < 4; i++)
		fill_pattern(src + at[i], at[i], page_size, 0);

	if (mremap(src, len, len, MREMAP_MAYMOVE | MREMAP_FIXED, dest) != dest) {
		if (errno == EINVAL)
			FEATURE_REFUSED("mremap() of hugetlb memory", "5.16", errno);
		FAIL("mremap() of hugetlb memory failed: %s", errno_name(errno));
	}
	for (size_t i = 0; i < 4; i++)
		CHECK_INTACT(dest, at[i] / page_size, 1);
	CHECK_ZERO(dest + page_size, page_size);
	CHECK_EQ(smaps_bytes(dest, 1, "KernelPageSize"), huge);
	CHECK_UNMAPPED(src, page_size);
	CHECK_UNMAPPED(src + len - page_size, page_size);
}
