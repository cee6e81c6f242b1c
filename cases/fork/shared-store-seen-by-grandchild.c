/*
 * The grandparent's stores to a MAP_SHARED mapping after two fork() calls
 * reach a grandchild that inherited it, whatever backs it (variants:
 * anonymous memory, a file, a shm or memfd object): all three processes
 * read every page, then the case's process stores a new pattern, and the
 * grandchild, still mapping the pages, must read it.  A kernel that
 * breaks sharing for anything but a direct child - or copies a shared
 * page when its first owner writes it again after a fork - fails: the
 * grandchild reads the old bytes.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "A store by a process to a MAP_SHARED mapping (anonymous or "
		     "of an object) after two fork() calls is seen through its "
		     "grandchild's inherited mapping.",
	.spec      = "POSIX.1-2024 fork(): DESCRIPTION (memory mappings created in "
		     "the parent shall be retained in the child); mmap(): "
		     "DESCRIPTION, MAP_SHARED, MAP_ANONYMOUS",
	.profile   = "posix",
	.covers    = "E1",
	.variants  = "anon file shm memfd",
);

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_SHARED, NULL);

	store_across_fork(map, len, PARENT, GRANDCHILD);

	CHECK_PATTERN_SEED(map, 0, len, STORED);
}
