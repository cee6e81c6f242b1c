/*
 * After fork(), the parent's stores to MAP_PRIVATE anonymous memory are
 * not seen by the child.  Both processes first read every page, so the
 * child refers to the same populated pages as the parent; only then does
 * the parent overwrite every page, and the child, still alive and mapping
 * those pages, must read the bytes from before the fork.  A kernel that
 * resolves the parent's write fault by making the shared page writable in
 * place (reusing it as if the parent were its only user) fails.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "A store by the parent to MAP_PRIVATE|MAP_ANONYMOUS memory "
		     "after fork() is not seen by the child.",
	.spec      = "POSIX.1-2024 fork(): DESCRIPTION (modifications to the data "
		     "in MAP_PRIVATE mappings made by the parent after fork() "
		     "returns shall be visible only to the parent)",
	.profile   = "posix",
);

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	store_across_fork(map, len, PARENT, CHILD);

	CHECK_PATTERN_SEED(map, 0, len, BEFORE_FORK);
}
