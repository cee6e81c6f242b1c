/*
 * munmap() of a range that holds no mapping succeeds and does nothing; it
 * is not an error.
 *
 * The range must be guaranteed free while the call runs, so the case makes
 * the hole itself inside its own reservation: page 0 and page 2 hold
 * read-write memory with the pattern, page 1 is a hole.  A kernel that
 * reports EINVAL or ENOMEM for a range without mappings (as some systems
 * document for "not part of the valid address space") fails on the call; a
 * kernel that took the call as licence to remove or clear something around
 * the hole fails on the neighbours, which are plain readable memory (not
 * PROT_NONE), so "still there" is told by a read and the pattern, on any
 * system.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "munmap() of an address range that contains no mappings "
		     "returns 0 and leaves the mappings around it in place.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (\"If there are no mappings "
		     "in the specified address range, then munmap() has no effect\")",
	.profile   = "posix",
	.covers    = "G4",
);

static void run(void)
{
	unsigned char *base = lay_out("m.m");

	CHECK_OK(munmap(base + page_size, page_size));

	CHECK_INTACT(base, 0, 1);
	CHECK_INTACT(base, 2, 1);
}
