/*
 * The parent's munmap() after fork() leaves the child's mapping in place:
 * the child still reads private memory the parent has unmapped.  Both
 * processes read every page, so they share the same pages copy-on-write;
 * the parent unmaps the range, dropping its references, and the child,
 * still alive, reads every page (probing first).  A kernel that frees the
 * pages at the parent's munmap() although the child still maps them, or
 * that unmaps the range in both processes, fails: the child faults or
 * reads bytes that are not its own.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "After the parent unmaps MAP_PRIVATE memory following "
		     "fork(), the child still reads it, with its contents.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (removes the mappings "
		     "for pages of the calling process); fork(): DESCRIPTION",
	.profile   = "posix",
);

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	act_across_fork(map, len, PARENT, unmap_range, CHILD);

	for (size_t off = 0; off < len; off += page_size)
		CHECK_READ_OK(map + off);
	CHECK_PATTERN_SEED(map, 0, len, BEFORE_FORK);
}
