/*
 * MADV_DOFORK undoes MADV_DONTFORK: a range advised DONTFORK and then
 * DOFORK is inherited by a forked child like any other, bytes included.
 * A kernel whose DOFORK does not clear the flag fails: the child finds
 * nothing mapped (the read is probed first, so this shows as a FAIL, not
 * a crash).
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "A range advised MADV_DONTFORK and then MADV_DOFORK is "
		     "inherited by a forked child with its contents.",
	.spec      = "Linux madvise(2): MADV_DOFORK (undo the effect of "
		     "MADV_DONTFORK, restoring the default behavior)",
	.profile   = "linux",
	.covers    = "E6",
	.needs     = "madvise MADV_DONTFORK",
);

static size_t len;

static void child(void *arg)
{
	unsigned char *map = arg;

	for (size_t off = 0; off < len; off += page_size)
		CHECK_READ_OK(map + off);
	CHECK_PATTERN_SEED(map, 0, len, BEFORE_FORK);
}

static void run(void)
{
	unsigned char *map;

	len = 4 * page_size;
	map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, NULL);
	ADVISE(map, len, MADV_DONTFORK);
	ADVISE(map, len, MADV_DOFORK);

	run_in_child(child, map);
}
