/*
 * madvise(MADV_COLLAPSE) (Linux 6.1) turns the base pages of a range into
 * transparent huge pages synchronously and keeps the data: two 2 MiB
 * blocks of private anonymous memory, filled with the pattern but for one
 * page left unwritten, are collapsed; the call returns 0, the range is
 * then huge pages (AnonHugePages in /proc/self/smaps covers it: a success
 * means the collapse happened, madvise(2)), every written page holds its
 * bytes and the unwritten one reads zero.  ENOMEM or EAGAIN (no huge page
 * to be had now) leave it UNTESTED.  Catches a collapse that loses or
 * misplaces the small pages' data, or one that reports success and
 * collapses nothing.
 */
#include "hugepages.h"

MMAPCTS_CASE(
	.assertion = "madvise(MADV_COLLAPSE) of a populated private anonymous range "
		     "returns 0, leaves it backed by huge pages and keeps every byte "
		     "(unwritten pages zero).",
	.spec      = "Linux madvise(2): MADV_COLLAPSE (since Linux 6.1); "
		     "Documentation/admin-guide/mm/transhuge.rst",
	.profile   = "linux",
	.covers    = "N3",
);

static void run(void)
{
	unsigned char *map = thp_blocks(2);
	size_t len = 2 * THP_SIZE, npages = len / page_size, hole = npages - 3;

	fill_pattern(map, 0, hole * page_size, 0);
	fill_pattern(map + (hole + 1) * page_size, (hole + 1) * page_size, 2 * page_size, 0);
	OBSERVE("thp_before", "%zu kB", smaps_bytes(map, len, "AnonHugePages") / 1024);

	COLLAPSE(map, len);

	CHECK_EQ(smaps_bytes(map, len, "AnonHugePages"), len);
	CHECK_INTACT(map, 0, hole);
	CHECK_ZERO(map + hole * page_size, page_size);
	CHECK_INTACT(map, hole + 1, 2);
}
