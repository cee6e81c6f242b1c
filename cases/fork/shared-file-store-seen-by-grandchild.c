/*
 * The grandparent's stores to a MAP_SHARED object mapping after two
 * fork() calls reach the grandchild's inherited mapping while it is alive:
 * all three processes read every page, the case's process stores a new
 * pattern, and the grandchild must read it.  A kernel that lets a store
 * after fork replace a shared page in one process only fails.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "A store to a MAP_SHARED object mapping after two fork() "
		     "calls is seen through the grandchild's inherited mapping.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_SHARED; fork(): "
		     "DESCRIPTION (memory mappings are retained in the child)",
	.profile   = "posix",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_SHARED, NULL);

	store_across_fork(map, len, PARENT, GRANDCHILD);

	CHECK_PATTERN_SEED(map, 0, len, STORED);
}
