/*
 * MAP_SHARED anonymous memory stays shared across fork() in the other
 * direction too: what the parent stores after the fork, the child reads.
 * Both processes read every page first, so the child already maps the
 * pages when the parent stores; the child then reads the parent's pattern
 * while the parent waits for it.  A kernel that gives the child its own
 * copy of shared anonymous memory (at fork, or when the parent's store
 * faults) fails: the child still reads the bytes from before the fork.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "A store by the parent, after fork(), to MAP_SHARED|"
		     "MAP_ANONYMOUS memory is seen by the child.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_SHARED (\"write "
		     "references shall change the underlying object\"), which the "
		     "child's inherited mapping still maps; fork(): DESCRIPTION",
	.profile   = "posix",
);

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_SHARED | MAP_ANONYMOUS, NULL);

	store_across_fork(map, len, PARENT, CHILD);

	CHECK_PATTERN_SEED(map, 0, len, STORED);
}
