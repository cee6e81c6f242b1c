/*
 * mprotect() on part of a mapping changes the pages of its range and no
 * others: the mapping is split, and the pages before and after keep their
 * protection.
 *
 * The middle page of a three-page writable mapping is made read-only.  A
 * store to it must fault (the change took effect), and stores to the
 * pages on either side must still succeed.  An implementation that can
 * only protect whole mappings (applying the change to all three pages)
 * fails on the outer pages; one that ignored the partial request fails on
 * the middle one.  Observing refused stores relies on the signal Linux
 * promises (SIGSEGV, SEGV_ACCERR), hence the linux profile (the POSIX
 * twin is split-changes-only-range-denied).
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "mprotect(PROT_READ) of the middle page of a writable mapping "
		     "makes that page read-only and leaves the pages before and "
		     "after it writable.",
	.spec      = "POSIX.1-2024 mprotect(): DESCRIPTION (changes the protections "
		     "of the pages containing any part of [addr, addr+len)); Linux "
		     "mprotect(2): DESCRIPTION (SIGSEGV on a violating access)",
	.profile   = "linux",
	.covers    = "H6",
);

static void run(void)
{
	unsigned char *map = three_pages_one_read_only(1);

	CHECK_WRITE_FAULTS(map + page_size, SIGSEGV, SEGV_ACCERR);
	CHECK_PAGES_WRITABLE(map, 3, 1);
}
