/*
 * munmap() of a huge range that holds no mapping succeeds and does
 * nothing, however large the range.
 *
 * The case reserves 1 GiB plus a page on each side, makes the outer pages
 * readable memory with the pattern and unmaps the 1 GiB between them
 * itself, so the hole is known to be empty and nothing else in the process
 * can be hit.  It then unmaps the whole hole again.  A kernel that walks
 * the range page by page (this would take long: the runner's timeout
 * catches it), that fails for a range larger than some limit (ENOMEM,
 * EINVAL), or that rounds the huge length wrong and removes a neighbour,
 * fails.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "munmap() of a 1 GiB range containing no mappings returns 0 "
		     "and leaves the mappings on either side in place.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (\"If there are no mappings "
		     "in the specified address range, then munmap() has no effect\")",
	.profile   = "posix",
	.covers    = "G4",
);

static void run(void)
{
	size_t huge = (size_t)1 << 30, npages = huge / page_size;
	unsigned char *base = reserve(huge + 2 * page_size);
	unsigned char *hole = base + page_size;

	SAFE_MMAP(base, page_size, PROT_READ | PROT_WRITE,
		  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	SAFE_MMAP(hole + huge, page_size, PROT_READ | PROT_WRITE,
		  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	fill_pattern(base, 0, page_size, 0);
	fill_pattern(hole + huge, (npages + 1) * page_size, page_size, 0);
	SAFE_MUNMAP(hole, huge);

	CHECK_OK(munmap(hole, huge));

	CHECK_INTACT(base, 0, 1);
	CHECK_INTACT(base, npages + 1, 1);
}
