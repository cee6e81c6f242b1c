/*
 * A page split off by mprotect() and given its old protection back is
 * whole again: after the middle page of a writable mapping goes to
 * PROT_READ and back to PROT_READ | PROT_WRITE, all three pages hold
 * their bytes and take stores.
 *
 * Giving the old protection back lets an implementation merge the pieces
 * into one mapping again (Linux does); a merge that lost a piece's pages
 * or kept the stale read-only protection for part of the range fails.
 * The contents are checked before the stores, which overwrite them.
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "After mprotect(PROT_READ) and then mprotect(PROT_READ | "
		     "PROT_WRITE) of the middle page, the three pages of the "
		     "mapping keep their contents and all take stores.",
	.spec      = "POSIX.1-2024 mprotect(): DESCRIPTION (\"shall change the access "
		     "protections to be that specified by prot\")",
	.profile   = "posix",
	.covers_part = "H6",
);

static void run(void)
{
	unsigned char *map = three_pages_one_read_only(1);

	SAFE_MPROTECT(map + page_size, page_size, PROT_READ | PROT_WRITE);

	CHECK_PATTERN(map, 0, 3 * page_size);
	CHECK_PAGES_WRITABLE(map, 3, 3);
}
