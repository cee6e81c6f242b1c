/*
 * MADV_GUARD_REMOVE takes a guard away again: the page can be read and
 * written, and, since installing the guard dropped what the page held, a
 * private anonymous page reads as zero.  The middle page of three holding
 * the pattern is guarded, then the guard removed.  A kernel that ignores
 * the removal fails on the read that still faults; one whose guard kept
 * the old page (never dropped it) fails on the first pattern byte.
 */
#include "madvise.h"

MMAPCTS_CASE(
	.assertion = "On Linux, after MADV_GUARD_INSTALL and then "
		     "MADV_GUARD_REMOVE a private anonymous page is accessible "
		     "again and reads as zero.",
	.spec      = "Linux madvise(2): MADV_GUARD_INSTALL (since Linux 6.13; "
		     "installing a guard zaps what the range mapped, as "
		     "MADV_DONTNEED), MADV_GUARD_REMOVE (\"remove any lightweight "
		     "guard regions which exist in the range\")",
	.profile   = "linux",
	.covers    = "M7",
	.needs     = "madvise",
);

static void run(void)
{
	unsigned char *p = guard_middle_page();
	ADVISE_OK(p + page_size, page_size, MADV_GUARD_REMOVE);

	CHECK_READ_OK(p + page_size);
	CHECK_ZERO(p + page_size, page_size);
	CHECK_WRITE_OK(p + page_size, 1);
	CHECK_INTACT(p, 2, 1);
}
