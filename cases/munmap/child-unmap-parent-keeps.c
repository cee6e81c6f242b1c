/*
 * munmap() changes the address space of the calling process only: when a
 * forked child unmaps an inherited MAP_SHARED anonymous mapping, the
 * parent's mapping of the same memory stays, with its contents.
 *
 * The memory is shared, so parent and child map one object; the child
 * unmaps all of it and exits, and only then does the parent read.  A
 * kernel that tears the shared object down with the child's unmap (or
 * removes the mapping from every process that maps the object) fails:
 * the parent's read faults or finds the object empty.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "After a forked child unmaps an inherited MAP_SHARED anonymous "
		     "mapping, the parent's mapping is still there with its "
		     "contents.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (removes mappings from \"the "
		     "address space of the process\"); fork(): DESCRIPTION",
	.profile   = "posix",
);

static void child(void *map)
{
	SAFE_MUNMAP(map, 2 * page_size);
}

static void run(void)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, 2 * page_size, PROT_READ | PROT_WRITE,
					      MAP_SHARED | MAP_ANONYMOUS, NULL);

	run_in_child(child, map);

	CHECK_INTACT(map, 0, 2);
}
