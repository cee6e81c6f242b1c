/*
 * A forked child keeps its copy of a private mapping after the parent
 * unmaps the parent's: the child reads the contents the mapping had at the
 * fork.
 *
 * After fork() the parent's and the child's private pages are typically
 * the same physical pages, shared copy-on-write.  The parent unmaps the
 * whole mapping while the child waits, then the child reads.  A kernel
 * that frees the copy-on-write pages with the parent's unmap, instead of
 * dropping one reference, fails: the child sees zeroes or another page's
 * data, or faults.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "After the parent unmaps a MAP_PRIVATE anonymous mapping, a "
		     "child forked before still reads the mapping's contents.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (removes mappings from \"the "
		     "address space of the process\"); fork(): DESCRIPTION (the "
		     "child has its own copy of the parent's address space)",
	.profile   = "posix",
);

static void child(unsigned char *map)
{
	CHECK_INTACT(map, 0, 2);
}

static void run(void)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, 2 * page_size, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	child_after_parent_unmaps(map, 0, 2 * page_size, child);
}
