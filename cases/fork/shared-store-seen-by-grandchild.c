/*
 * The grandparent's stores to shared anonymous memory after the forks
 * reach a grandchild that inherited it: all three processes read every
 * page, then the case's process stores a new pattern, and the grandchild,
 * still mapping the pages, must read it.  A kernel that breaks sharing
 * for anything but a direct child - or copies a shared page when its
 * first owner writes it again after a fork - fails: the grandchild reads
 * the old bytes.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "A store by a process to MAP_SHARED|MAP_ANONYMOUS memory "
		     "after two fork() calls is seen by its grandchild.",
	.spec      = "POSIX.1-2024 fork(): DESCRIPTION (memory mappings created in "
		     "the parent shall be retained in the child); mmap(): "
		     "DESCRIPTION, MAP_SHARED, MAP_ANONYMOUS",
	.profile   = "posix",
);

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_SHARED | MAP_ANONYMOUS, NULL);

	store_across_fork(map, len, PARENT, GRANDCHILD);

	CHECK_PATTERN_SEED(map, 0, len, STORED);
}
