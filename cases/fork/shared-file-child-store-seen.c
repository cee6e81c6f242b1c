/*
 * A MAP_SHARED mapping of a file (or shm or memfd object) stays shared
 * across fork(): a store by the child is seen through the parent's
 * mapping.  Both processes read every page first, so both map the same
 * page-cache pages; the child stores a new pattern into every page and
 * exits, and the parent reads it through its own pointer - no msync(), no
 * read().  A kernel that gives the child private copies of shared file
 * pages (or copies them on the child's write fault) fails: the parent
 * reads the object's original bytes.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "A store by a forked child to an inherited MAP_SHARED "
		     "mapping of an object is seen through the parent's mapping.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_SHARED (write references "
		     "shall change the underlying object); fork(): DESCRIPTION "
		     "(memory mappings created in the parent shall be retained)",
	.profile   = "posix",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_SHARED, NULL);

	store_across_fork(map, len, CHILD, PARENT);

	CHECK_PATTERN_SEED(map, 0, len, STORED);
}
