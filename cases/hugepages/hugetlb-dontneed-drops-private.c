/*
 * madvise(MADV_DONTNEED) works on hugetlb memory (Linux 5.18) as on base
 * pages: over a whole huge page of private anonymous MAP_HUGETLB memory
 * the stored bytes are dropped and the page reads zero after; over a
 * MAP_SHARED mapping of a MFD_HUGETLB memfd only the mapping's page is
 * dropped, and it reads the object's bytes again.  EINVAL before 5.18 is
 * UNSUPPORTED; from 5.18 on, FAIL.  Needs one free huge page.
 */
#include "hugepages.h"

MMAPCTS_CASE(
	.assertion = "madvise(MADV_DONTNEED) of a whole huge page makes private "
		     "anonymous hugetlb memory read zero and leaves a shared hugetlbfs "
		     "mapping reading the object's bytes.",
	.spec      = "Linux madvise(2): MADV_DONTNEED (hugetlb since Linux 5.18)",
	.profile   = "linux",
	.covers    = "N2",
	.variants  = "private memfd",
);

static void run(void)
{
	size_t huge = huge_pages_for_case(1);
	unsigned char *map = map_huge(variant_is("private") ? "private" : "memfd", huge, huge, 0);

	if (map == MAP_FAILED)
		FAIL("%s hugetlb mapping failed: %s", variant(), errno_name(errno));
	fill_pattern(map, 0, page_size, 1);
	fill_pattern(map + huge - page_size, 0, page_size, 2);

	if (madvise(map, huge, MADV_DONTNEED) != 0) {
		if (errno == EINVAL)
			FEATURE_REFUSED("madvise(MADV_DONTNEED) of hugetlb memory", "5.18", errno);
		FAIL("madvise(MADV_DONTNEED) of a huge page failed: %s", errno_name(errno));
	}
	if (variant_is("private")) {
		CHECK_ZERO(map, page_size);
		CHECK_ZERO(map + huge - page_size, page_size);
	} else {
		CHECK_PATTERN_SEED(map, 0, page_size, 1);
		CHECK_PATTERN_SEED(map + huge - page_size, 0, page_size, 2);
	}
}
