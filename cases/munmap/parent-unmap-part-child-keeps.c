/*
 * Unmapping part of a MAP_SHARED anonymous region in one process leaves
 * that part mapped in the other processes that share it: the child still
 * reads the page the parent removed, with its contents.
 *
 * The parent maps three shared pages holding the pattern and forks; the
 * child waits until the parent has unmapped the middle page, then reads
 * it.  A kernel that removes the page from every process mapping the
 * shared object, or frees the object's page with the parent's unmap while
 * the child still maps it, fails in the child (a fault, or zeroes).
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "After the parent unmaps the middle page of a MAP_SHARED "
		     "anonymous region, a forked child still reads that page with "
		     "its contents.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (removes mappings from \"the "
		     "address space of the process\"); mmap(): MAP_SHARED",
	.profile   = "posix",
);

static void child(unsigned char *map)
{
	CHECK_INTACT(map, 1, 1);
}

static void run(void)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, 3 * page_size, PROT_READ | PROT_WRITE,
					      MAP_SHARED | MAP_ANONYMOUS, NULL);

	child_after_parent_unmaps(map, page_size, page_size, child);
}
