/*
 * MADV_DONTFORK applies to the advised pages only: when the middle page of
 * a three-page mapping is advised, a forked child lacks that page but has
 * the pages on either side, with their bytes.  A kernel that applies the
 * advice to the whole mapping containing the range (instead of splitting
 * it) fails on a neighbour; one that ignores it fails on the middle page.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "madvise(MADV_DONTFORK) on part of a mapping leaves out of "
		     "a forked child only the advised pages.",
	.spec      = "Linux madvise(2): MADV_DONTFORK (the pages in this range)",
	.profile   = "linux",
	.covers    = "E6",
	.needs     = "madvise MADV_DONTFORK",
);

static void child(void *arg)
{
	unsigned char *map = arg;

	CHECK_READ_FAULTS(map + page_size, SIGSEGV, SEGV_MAPERR);
	CHECK_READ_OK(map);
	CHECK_READ_OK(map + 2 * page_size);
	CHECK_PATTERN_SEED(map, 0, page_size, BEFORE_FORK);
	CHECK_PATTERN_SEED(map + 2 * page_size, 2 * page_size, page_size, BEFORE_FORK);
}

static void run(void)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, 3 * page_size, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	ADVISE(map + page_size, page_size, MADV_DONTFORK);

	run_in_child(child, map);
}
