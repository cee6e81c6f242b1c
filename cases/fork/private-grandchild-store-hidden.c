/*
 * Copy-on-write holds across two generations, whatever backs the
 * MAP_PRIVATE mapping (variants: anonymous memory, a file, a shm or memfd
 * object): a grandchild's stores stay in the grandchild, hidden from the
 * child it was forked from and from the case's own process above that.
 * All three processes read every page first (so all refer to the same
 * pages); the grandchild overwrites every page, exits, and then the case's
 * process (first round) or the child (second round, a fresh mapping)
 * must still read the bytes from before the forks.  A kernel that copies
 * private pages for a direct child but lets a child's child share them
 * (the child's mapping, inherited, treated as the child's own to share)
 * fails at the first byte the grandchild changed.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "A store by a grandchild to a MAP_PRIVATE mapping (anonymous "
		     "or of an object) inherited over two fork() calls is seen "
		     "neither by its parent nor by the grandparent.",
	.spec      = "POSIX.1-2024 fork(): DESCRIPTION (modifications to the data "
		     "in MAP_PRIVATE mappings made by the child shall be visible "
		     "only to the child, in each generation)",
	.profile   = "posix",
	.covers    = "E3",
	.variants  = "anon file shm memfd",
);

static void run(void)
{
	size_t len = 4 * page_size;
	/* the parent first: a checking child ends the case's run there */
	const enum proc checkers[] = { PARENT, CHILD };

	for (size_t i = 0; i < sizeof(checkers) / sizeof(checkers[0]); i++) {
		unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
						      MAP_PRIVATE, NULL);

		store_across_fork(map, len, GRANDCHILD, checkers[i]);

		CHECK_PATTERN_SEED(map, 0, len, BEFORE_FORK);
	}
}
