/*
 * MADV_WIPEONFORK wipes the child's view only: the parent keeps its bytes,
 * whatever the child then does with its zeroed range.  Parent and child
 * both read every page after the fork, the child stores a new pattern
 * into its (wiped) range, and the parent must still read the bytes it
 * stored before the fork.  A kernel that implements the wipe by zeroing
 * the shared pages in place, or that gives the child the parent's pages
 * to write into, fails.  EINVAL for the advice is UNSUPPORTED only on a
 * kernel older than 4.14 (ADVISE()); from a newer one it fails.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "After fork(), a range the parent advised MADV_WIPEONFORK "
		     "still holds the parent's bytes in the parent, whatever the "
		     "child stores there.",
	.spec      = "Linux madvise(2): MADV_WIPEONFORK (present the child process "
		     "with zero-filled memory in this range after a fork)",
	.profile   = "linux",
	.covers    = "E12",
	.needs     = "madvise MADV_WIPEONFORK",
);

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	ADVISE(map, len, MADV_WIPEONFORK);

	store_across_fork(map, len, CHILD, PARENT);

	CHECK_PATTERN_SEED(map, 0, len, BEFORE_FORK);
}
