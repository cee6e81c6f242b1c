/*
 * munmap() of a range that an earlier munmap() already emptied succeeds:
 * unmapping the same range twice is not an error.
 *
 * The mapping is written (so pages and page tables existed) and unmapped;
 * the same call is then repeated, with nothing mapping in between (the
 * case is single-threaded and maps nothing).  An implementation that
 * keeps track of what it handed out and answers EINVAL for a range it no
 * longer knows (a "double free" check, as in some userspace allocators or
 * libc wrappers) fails.  The hole-without-neighbours case,
 * unmapped-range-no-effect, covers what such a call leaves alone.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "A second munmap() of the same range returns 0.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (\"If there are no mappings "
		     "in the specified address range, then munmap() has no effect\"); "
		     "RETURN VALUE",
	.profile   = "posix",
	.covers    = "G4",
);

static void run(void)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, 2 * page_size, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	SAFE_MUNMAP(map, 2 * page_size);

	CHECK_OK(munmap(map, 2 * page_size));
}
