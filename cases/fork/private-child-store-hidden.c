/*
 * A MAP_PRIVATE mapping is copy-on-write across fork(), whatever backs it
 * (variants: anonymous memory, a file, a shm or memfd object): the child's
 * stores stay in the child.  The mapping holds the pattern before the
 * fork and both processes read every page (so both refer to the same
 * populated or page-cache pages); the child overwrites every page with
 * another pattern and exits, and the parent must still read the bytes
 * from before.  A kernel that shares private pages between parent and
 * child instead of copying them on the child's store (or lets the write
 * fault write into the object's page) fails at the first byte the child
 * changed.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "A store by a forked child to an inherited MAP_PRIVATE "
		     "mapping (anonymous or of an object) is not seen through the "
		     "parent's mapping.",
	.spec      = "POSIX.1-2024 fork(): DESCRIPTION (modifications to the data "
		     "in MAP_PRIVATE mappings made by the child shall be visible "
		     "only to the child)",
	.profile   = "posix",
	.covers_part = "E3",
	.variants  = "anon file shm memfd",
);

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE, NULL);

	store_across_fork(map, len, CHILD, PARENT);

	CHECK_PATTERN_SEED(map, 0, len, BEFORE_FORK);
}
