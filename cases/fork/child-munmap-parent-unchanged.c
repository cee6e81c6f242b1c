/*
 * munmap() changes the address space of the calling process only: a
 * forked child's munmap() removes the child's mapping, and the parent
 * still has the shared memory the child unmapped, with its bytes.  Shared
 * anonymous memory is used because both processes then reference one
 * object, which the child's munmap() must not free while the parent maps
 * it.  Both read every page, the child unmaps the whole range and exits,
 * and the parent reads every page (probing first, so that a missing page
 * is reported as such, not as a crash).  A kernel that tears down the
 * shared object, or the parent's page tables, at the child's munmap() (or
 * removes the mapping from every process that maps the object) fails: the
 * parent's read faults or finds the object empty.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "After a forked child unmaps inherited MAP_SHARED memory, "
		     "the parent still reads it, with its contents.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (removes mappings from \"the "
		     "address space of the process\"); fork(): DESCRIPTION",
	.profile   = "posix",
);

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_SHARED | MAP_ANONYMOUS, NULL);

	act_across_fork(map, len, CHILD, unmap_range, PARENT);

	CHECK_INTACT(map, 0, len / page_size);
}
