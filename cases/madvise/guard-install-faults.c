/*
 * MADV_GUARD_INSTALL makes a page a guard: any access to it raises
 * SIGSEGV, while the pages around it stay as they were.  The middle page
 * of three of private anonymous memory holding the pattern is made a
 * guard; a read and a store there must fault, and the first and last page
 * keep their bytes.  The si_code is recorded ("read_si_code", Linux gives
 * SEGV_MAPERR), not asserted: the man page promises only the signal.  A
 * kernel that accepts the advice and installs nothing fails on the read
 * that completes; one that guards the whole mapping fails on a neighbour.
 */
#include "madvise.h"

MMAPCTS_CASE(
	.assertion = "On Linux, after MADV_GUARD_INSTALL a read or store in the "
		     "guarded page raises SIGSEGV, and the neighbouring pages keep "
		     "their contents.",
	.spec      = "Linux madvise(2): MADV_GUARD_INSTALL (since Linux 6.13: "
		     "\"causing any read or write in the range to result in a SIGSEGV "
		     "signal being raised\")",
	.profile   = "linux",
	.covers    = "M7",
	.needs     = "madvise",
);

static void run(void)
{
	unsigned char *p = guard_middle_page();

	CHECK_READ_SIGNAL(p + page_size, SIGSEGV);
	CHECK_WRITE_SIGNAL(p + 2 * page_size - 1, SIGSEGV);
	CHECK_INTACT(p, 0, 1);
	CHECK_INTACT(p, 2, 1);
}
