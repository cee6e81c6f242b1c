/*
 * The parent's stores to a MAP_SHARED object mapping after fork() are seen
 * through the child's inherited mapping, while the child is alive and
 * maps the pages: both processes read every page first, then the parent
 * stores a new pattern and the child reads it.  A kernel that copies the
 * shared page when the parent's first store after fork faults (handling a
 * shared mapping like a private one) fails: the child reads the object's
 * original bytes.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "A store by the parent after fork() to a MAP_SHARED mapping "
		     "of an object is seen through the child's inherited mapping.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_SHARED; fork(): "
		     "DESCRIPTION (memory mappings created in the parent shall be "
		     "retained in the child process)",
	.profile   = "posix",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_SHARED, NULL);

	store_across_fork(map, len, PARENT, CHILD);

	CHECK_PATTERN_SEED(map, 0, len, STORED);
}
