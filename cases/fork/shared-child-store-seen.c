/*
 * A MAP_SHARED mapping stays shared across fork(), whatever backs it
 * (variants: anonymous memory, a file, a shm or memfd object): what the
 * child stores, the parent reads through its own pointer - no msync(), no
 * read().  Parent and child both read every page before the child stores
 * (so the pages exist and must be shared, not merely created later in
 * common); the child then fills every page with another pattern and
 * exits, and the parent must read that pattern.  A kernel that copies
 * shared pages on fork or on the child's write fault (treats them as
 * private, copy-on-write) fails: the parent still reads the old bytes.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "A store by a forked child to an inherited MAP_SHARED "
		     "mapping (anonymous or of an object) is seen through the "
		     "parent's mapping.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_SHARED (write references "
		     "shall change the underlying object), MAP_ANONYMOUS; fork(): "
		     "DESCRIPTION (memory mappings created in the parent shall be "
		     "retained)",
	.profile   = "posix",
	.covers    = "E1",
	.covers_part = "C13",
	.variants  = "anon file shm memfd",
);

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_SHARED, NULL);

	store_across_fork(map, len, CHILD, PARENT);

	CHECK_PATTERN_SEED(map, 0, len, STORED);
}
