/*
 * A MAP_SHARED object mapping inherited over two fork() calls still maps
 * the object: a grandchild's stores are seen through the grandparent's
 * mapping after the grandchild and its parent have exited.  All three
 * read every page first, so each maps the same pages when the grandchild
 * stores.  A kernel that copies shared file pages for any generation
 * fails: the case's process reads the object's original bytes.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "A store by a grandchild to a MAP_SHARED object mapping "
		     "inherited over two fork() calls is seen by the grandparent.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_SHARED (write references "
		     "change the underlying object); fork(): DESCRIPTION",
	.profile   = "posix",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_SHARED, NULL);

	store_across_fork(map, len, GRANDCHILD, PARENT);

	CHECK_PATTERN_SEED(map, 0, len, STORED);
}
