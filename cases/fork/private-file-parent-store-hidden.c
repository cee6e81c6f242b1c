/*
 * After fork(), the parent's stores to a MAP_PRIVATE object mapping are
 * not seen by the child: both processes read every page, the parent
 * stores a new pattern into every page, and the child, still mapping the
 * object's pages, must read the object's bytes.  A kernel that resolves
 * the parent's write fault by writing into the page-cache page fails here
 * (and the object would change too).
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "A store by the parent after fork() to a MAP_PRIVATE object "
		     "mapping is not seen through the child's inherited mapping.",
	.spec      = "POSIX.1-2024 fork(): DESCRIPTION (modifications to the data "
		     "in MAP_PRIVATE mappings made by the parent after fork() "
		     "returns shall be visible only to the parent)",
	.profile   = "posix",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE, NULL);

	store_across_fork(map, len, PARENT, CHILD);

	CHECK_PATTERN_SEED(map, 0, len, BEFORE_FORK);
}
