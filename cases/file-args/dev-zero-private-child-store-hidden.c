/*
 * A MAP_PRIVATE mapping of /dev/zero is copied on write across fork(),
 * like private anonymous memory: what a child stores, the parent does not
 * see.  The parent reads every page before the fork, so the pages exist
 * and are shared copy-on-write when the child writes (see
 * dev_zero_after_child_store()).  Fails under a kernel that treats
 * /dev/zero mappings as one shared object behind the scenes, so that the
 * child's stores reach the parent.
 */
#include "file-args.h"

MMAPCTS_CASE(
	.assertion = "A store by a forked child to an inherited MAP_PRIVATE mapping "
		     "of /dev/zero is not seen by the parent.",
	.spec      = "Linux zero(4); Linux mmap(2): MAP_PRIVATE (copy-on-write); "
		     "Linux fork(2) (the child's writes do not affect the parent)",
	.profile   = "linux",
	.covers_part = "E3",
);

static void run(void)
{
	unsigned char *map = dev_zero_after_child_store(MAP_PRIVATE);

	CHECK_ZERO(map, 4 * page_size);
}
