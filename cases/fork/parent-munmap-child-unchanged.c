/*
 * The parent's munmap() after fork() leaves the child's mapping in place:
 * the child still reads private memory the parent has unmapped.  Both
 * processes read every page, so they share the same pages copy-on-write;
 * the parent unmaps the range, dropping its references, and the child,
 * still alive, reads every page (probing first).  A kernel that frees the
 * pages at the parent's munmap() although the child still maps them, or
 * that unmaps the range in both processes, fails: the child faults or
 * reads bytes that are not its own (zeroes, another page's data).
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "After the parent unmaps MAP_PRIVATE memory following "
		     "fork(), the child still reads it, with its contents.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (removes mappings from \"the "
		     "address space of the process\"); fork(): DESCRIPTION (the "
		     "child has its own copy of the parent's address space)",
	.profile   = "posix",
);

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	act_across_fork(map, len, PARENT, unmap_range, CHILD);

	CHECK_INTACT(map, 0, len / page_size);
}
