/*
 * /dev/zero mapped MAP_SHARED is memory shared with the children forked
 * after the mapping: what the child stores, the parent reads.  The
 * mapping is read in full before the fork, so the pages exist and must be
 * shared, not merely created later in common; the child writes every
 * page and exits (see dev_zero_after_child_store()).  Fails under a
 * kernel that maps shared /dev/zero as private memory, copied on fork
 * (the parent still reads zero).
 */
#include "file-args.h"

MMAPCTS_CASE(
	.assertion = "A store by a forked child to an inherited MAP_SHARED mapping "
		     "of /dev/zero is seen by the parent.",
	.spec      = "Linux zero(4); Linux mmap(2): MAP_SHARED (updates visible to "
		     "other processes mapping the region), MAP_ANONYMOUS",
	.profile   = "linux",
	.covers_part = "E1",
);

static void run(void)
{
	unsigned char *map = dev_zero_after_child_store(MAP_SHARED);

	CHECK_PATTERN_SEED(map, 0, 4 * page_size, 1);
}
