/*
 * MADV_KEEPONFORK undoes MADV_WIPEONFORK: a range advised WIPEONFORK and
 * then KEEPONFORK is inherited with its contents, not zeroed.  A kernel
 * whose KEEPONFORK leaves the wipe flag set fails: the child reads zero
 * where the parent's pattern (never zero) should be.  EINVAL for either
 * advice is UNSUPPORTED only on a kernel older than 4.14 (ADVISE()); from
 * a newer one it fails.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "A range advised MADV_WIPEONFORK and then MADV_KEEPONFORK "
		     "is inherited by a forked child with its contents.",
	.spec      = "Linux madvise(2): MADV_KEEPONFORK (since Linux 4.14; undo "
		     "the effect of an earlier MADV_WIPEONFORK)",
	.profile   = "linux",
	.covers_part = "E12",
	.needs     = "madvise MADV_WIPEONFORK",
);

static size_t len;

static void child(void *arg)
{
	CHECK_PATTERN_SEED(arg, 0, len, BEFORE_FORK);
}

static void run(void)
{
	unsigned char *map;

	len = 4 * page_size;
	map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, NULL);
	ADVISE(map, len, MADV_WIPEONFORK);
	ADVISE(map, len, MADV_KEEPONFORK);

	run_in_child(child, map);
}
