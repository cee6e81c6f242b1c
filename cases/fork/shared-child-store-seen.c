/*
 * MAP_SHARED anonymous memory stays shared across fork(): what the child
 * stores, the parent reads.  Parent and child both read every page before
 * the child stores (so the pages exist and must be shared, not merely
 * created later in common); the child then fills every page with another
 * pattern and exits, and the parent must read that pattern.  A kernel that
 * copies shared anonymous pages on fork (treats them as private,
 * copy-on-write) fails: the parent still reads its own bytes.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "A store by a forked child to inherited MAP_SHARED|"
		     "MAP_ANONYMOUS memory is seen by the parent.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_SHARED, MAP_ANONYMOUS; "
		     "fork(): DESCRIPTION (memory mappings are retained in the child)",
	.profile   = "posix",
);

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_SHARED | MAP_ANONYMOUS, NULL);

	store_across_fork(map, len, CHILD, PARENT);

	CHECK_PATTERN_SEED(map, 0, len, STORED);
}
