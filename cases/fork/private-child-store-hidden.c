/*
 * MAP_PRIVATE anonymous memory is copy-on-write across fork(): the child's
 * stores stay in the child.  The parent fills the memory before the fork
 * and both processes read every page (so both refer to the same populated
 * pages); the child overwrites every page with another pattern and exits,
 * and the parent must still read its own bytes.  A kernel that shares
 * private pages between parent and child instead of copying them on the
 * child's store fails at the first byte the child changed.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "A store by a forked child to inherited MAP_PRIVATE|"
		     "MAP_ANONYMOUS memory is not seen by the parent.",
	.spec      = "POSIX.1-2024 fork(): DESCRIPTION (modifications to the data "
		     "in MAP_PRIVATE mappings made by the child shall be visible "
		     "only to the child)",
	.profile   = "posix",
);

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	store_across_fork(map, len, CHILD, PARENT);

	CHECK_PATTERN_SEED(map, 0, len, BEFORE_FORK);
}
