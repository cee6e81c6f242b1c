/*
 * A MAP_PRIVATE object mapping is copy-on-write across fork(): the child's
 * stores stay in the child.  Both processes read every page first, so
 * both map the object's page-cache pages; the child stores a new pattern
 * into every page and exits, and the parent must still read the object's
 * bytes through its mapping.  A kernel that lets the child's write fault
 * write into the shared page-cache page (or into a private copy it then
 * shares with the parent) fails.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "A store by a forked child to an inherited MAP_PRIVATE "
		     "object mapping is not seen through the parent's mapping.",
	.spec      = "POSIX.1-2024 fork(): DESCRIPTION (modifications to the data "
		     "in MAP_PRIVATE mappings made by the child shall be visible "
		     "only to the child)",
	.profile   = "posix",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE, NULL);

	store_across_fork(map, len, CHILD, PARENT);

	CHECK_PATTERN_SEED(map, 0, len, BEFORE_FORK);
}
