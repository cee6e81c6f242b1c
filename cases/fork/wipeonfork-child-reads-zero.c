/*
 * Linux (since 4.14) gives a forked child zero-filled memory where the
 * parent advised MADV_WIPEONFORK: the range is mapped in the child (no
 * fault), and every byte reads zero although the parent had filled it.
 * A kernel that ignores the advice fails on the first byte (the parent's
 * pattern is never zero); one that drops the range like MADV_DONTFORK
 * fails on the probe.  EINVAL for the advice is UNSUPPORTED only on a
 * kernel older than 4.14 (ADVISE()); from a newer one it fails.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "In a child forked after madvise(MADV_WIPEONFORK), the "
		     "advised range is mapped and reads as zero.",
	.spec      = "Linux madvise(2): MADV_WIPEONFORK (since Linux 4.14; present "
		     "the child process with zero-filled memory in this range "
		     "after a fork)",
	.profile   = "linux",
	.covers    = "E12",
	.needs     = "madvise MADV_WIPEONFORK",
);

static size_t len;

static void child(void *arg)
{
	unsigned char *map = arg;

	for (size_t off = 0; off < len; off += page_size)
		CHECK_READ_OK(map + off);
	CHECK_ZERO(map, len);
}

static void run(void)
{
	unsigned char *map;

	len = 4 * page_size;
	map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, NULL);
	ADVISE(map, len, MADV_WIPEONFORK);

	run_in_child(child, map);
}
