/*
 * The two pieces left after unmapping the middle of a MAP_SHARED anonymous
 * region are still shared with a forked child: what the child stores into
 * them, the parent reads.
 *
 * The parent maps three shared pages and forks; it unmaps the middle page,
 * then lets the child store a new pattern (seed 1) into the first and last
 * pages, and reads them after the child has exited.  A kernel that, when
 * it splits the mapping, gives a piece private copies of its pages, or
 * maps the tail piece at the wrong offset of the shared object, fails: the
 * parent reads the old pattern (or another page's bytes).
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "After the parent unmaps the middle page of a MAP_SHARED "
		     "anonymous region, stores by a forked child into the first and "
		     "last pages are seen by the parent.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (only the pages of the range "
		     "are removed); mmap(): MAP_SHARED (\"Write references shall "
		     "change the underlying object\")",
	.profile   = "posix",
	.covers_part = "G6",
);

static void child(unsigned char *map)
{
	fill_pattern(map, 0, page_size, 1);
	fill_pattern(map + 2 * page_size, 2 * page_size, page_size, 1);
}

static void run(void)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, 3 * page_size, PROT_READ | PROT_WRITE,
					      MAP_SHARED | MAP_ANONYMOUS, NULL);

	child_after_parent_unmaps(map, page_size, page_size, child);

	CHECK_PATTERN_SEED(map, 0, page_size, 1);
	CHECK_PATTERN_SEED(map + 2 * page_size, 2 * page_size, page_size, 1);
}
