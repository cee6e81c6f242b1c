/*
 * madvise(MADV_NOHUGEPAGE) takes a range out of transparent huge pages,
 * undoing an earlier MADV_HUGEPAGE: a 2 MiB block advised MADV_HUGEPAGE
 * then MADV_NOHUGEPAGE and filled gets no huge page (AnonHugePages 0 in
 * /proc/self/smaps), and madvise(MADV_COLLAPSE) of it (Linux 6.1) fails
 * with EINVAL ("fail for memory marked VM_NOHUGEPAGE") leaving the bytes
 * as they were.  Catches a kernel or libc that accepts MADV_NOHUGEPAGE
 * and does not mark the range.
 */
#include "hugepages.h"

MMAPCTS_CASE(
	.assertion = "After madvise(MADV_NOHUGEPAGE), a range earlier advised "
		     "MADV_HUGEPAGE gets no transparent huge page when filled, and "
		     "MADV_COLLAPSE of it fails with EINVAL and keeps its bytes.",
	.spec      = "Linux madvise(2): MADV_NOHUGEPAGE, MADV_COLLAPSE (EINVAL); "
		     "Documentation/admin-guide/mm/transhuge.rst",
	.profile   = "linux",
	.covers    = "N3",
);

static void run(void)
{
	unsigned char *map = thp_blocks(1);

	ADVISE(map, THP_SIZE, MADV_HUGEPAGE);
	ADVISE(map, THP_SIZE, MADV_NOHUGEPAGE);
	fill_pattern(map, 0, THP_SIZE, 0);

	CHECK_EQ(smaps_bytes(map, THP_SIZE, "AnonHugePages"), 0);
	if (!kernel_at_least("6.1"))
		UNSUPPORTED("Linux %s: MADV_COLLAPSE came in 6.1", kernel_release());
	CHECK_FAILS(madvise(map, THP_SIZE, MADV_COLLAPSE), EINVAL);
	CHECK_EQ(smaps_bytes(map, THP_SIZE, "AnonHugePages"), 0);
	CHECK_INTACT(map, 0, THP_SIZE / page_size);
}
