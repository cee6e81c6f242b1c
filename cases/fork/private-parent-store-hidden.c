/*
 * After fork(), the parent's stores to a MAP_PRIVATE mapping are not seen
 * by the child, whatever backs it (variants: anonymous memory, a file, a
 * shm or memfd object).  Both processes first read every page, so the
 * child refers to the same pages as the parent; only then does the parent
 * overwrite every page, and the child, still alive and mapping those
 * pages, must read the bytes from before the fork.  A kernel that
 * resolves the parent's write fault by making the shared page writable in
 * place (reusing it as if the parent were its only user, or writing into
 * the object's page) fails.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "A store by the parent after fork() to a MAP_PRIVATE mapping "
		     "(anonymous or of an object) is not seen through the child's "
		     "inherited mapping.",
	.spec      = "POSIX.1-2024 fork(): DESCRIPTION (modifications to the data "
		     "in MAP_PRIVATE mappings made by the parent after fork() "
		     "returns shall be visible only to the parent)",
	.profile   = "posix",
	.covers    = "E2",
	.variants  = "anon file shm memfd",
);

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE, NULL);

	store_across_fork(map, len, PARENT, CHILD);

	CHECK_PATTERN_SEED(map, 0, len, BEFORE_FORK);
}
