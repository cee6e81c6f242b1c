/*
 * A MAP_SHARED mapping stays shared across fork() in the other direction
 * too, whatever backs it (variants: anonymous memory, a file, a shm or
 * memfd object): what the parent stores after the fork, the child reads.
 * Both processes read every page first, so the child already maps the
 * pages when the parent stores; the child then reads the parent's pattern
 * while the parent waits for it.  A kernel that gives the child its own
 * copy (at fork, or when the parent's first store after the fork faults)
 * fails: the child still reads the bytes from before the fork.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "A store by the parent after fork() to a MAP_SHARED mapping "
		     "(anonymous or of an object) is seen through the child's "
		     "inherited mapping.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_SHARED (\"write "
		     "references shall change the underlying object\"), which the "
		     "child's inherited mapping still maps; fork(): DESCRIPTION",
	.profile   = "posix",
	.covers    = "E1",
	.variants  = "anon file shm memfd",
);

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_SHARED, NULL);

	store_across_fork(map, len, PARENT, CHILD);

	CHECK_PATTERN_SEED(map, 0, len, STORED);
}
