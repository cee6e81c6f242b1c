/*
 * Sharing survives a second fork(), whatever backs the MAP_SHARED mapping
 * (variants: anonymous memory, a file, a shm or memfd object): the
 * grandchild's stores are seen two generations up.  All three processes
 * read every page first; the grandchild stores, and the case's process
 * checks once child and grandchild are gone.  A kernel that shares the
 * memory with a direct child but gives a child's child a copy (copying
 * the child's mapping as private because the child did not create it)
 * fails: the case's process reads the old bytes.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "A store by a grandchild to a MAP_SHARED mapping (anonymous "
		     "or of an object) inherited over two fork() calls is seen by "
		     "the grandparent.",
	.spec      = "POSIX.1-2024 fork(): DESCRIPTION (memory mappings created in "
		     "the parent shall be retained in the child, which applies to "
		     "each generation); mmap(): MAP_SHARED, MAP_ANONYMOUS",
	.profile   = "posix",
	.covers    = "E1",
	.variants  = "anon file shm memfd",
);

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_SHARED, NULL);

	store_across_fork(map, len, GRANDCHILD, PARENT);

	CHECK_PATTERN_SEED(map, 0, len, STORED);
}
