/*
 * Sharing survives a second fork(): shared anonymous memory mapped by the
 * case's process is the same memory in its grandchild, and the
 * grandchild's stores are seen two generations up.  All three processes
 * read every page first; the grandchild stores, and the parent checks
 * once child and grandchild are gone.  A kernel that shares the memory
 * with a direct child but gives a child's child a copy (copying the
 * child's mapping as private because the child did not create it) fails.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "A store by a grandchild to MAP_SHARED|MAP_ANONYMOUS memory "
		     "inherited over two fork() calls is seen by the grandparent.",
	.spec      = "POSIX.1-2024 fork(): DESCRIPTION (memory mappings created in "
		     "the parent shall be retained in the child, which applies to "
		     "each generation); mmap(): MAP_SHARED, MAP_ANONYMOUS",
	.profile   = "posix",
);

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_SHARED | MAP_ANONYMOUS, NULL);

	store_across_fork(map, len, GRANDCHILD, PARENT);

	CHECK_PATTERN_SEED(map, 0, len, STORED);
}
