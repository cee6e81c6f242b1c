/*
 * posix_madvise() is advice only: each POSIX_MADV_ value returns 0 on a
 * mapping and changes nothing a program can see.  Private memory holding
 * bytes stored by the case (seed 1, over the object's own bytes) is given
 * every advice in turn and must still hold them afterwards.  The classic
 * bug is a libc that passes POSIX_MADV_DONTNEED to Linux's destructive
 * MADV_DONTNEED: the stores are then lost (zeroes for anonymous memory,
 * the object's bytes for a file), and the case fails on the first byte.
 */
#include "madvise.h"

MMAPCTS_CASE(
	.assertion = "posix_madvise() with each POSIX_MADV_ advice returns 0 on a "
		     "mapped range and leaves the contents of private memory "
		     "unchanged.",
	.spec      = "POSIX.1-2024 posix_madvise(): DESCRIPTION (\"shall have no effect "
		     "on the semantics of access to memory in the specified range, "
		     "although it may affect the performance of access\")",
	.profile   = "posix",
	.covers    = "M8",
	.needs     = "posix_madvise",
	.variants  = "anon file shm",
);

static const struct {
	int advice;
	const char *name;
} advice[] = {
	{ POSIX_MADV_NORMAL, "POSIX_MADV_NORMAL" },
	{ POSIX_MADV_SEQUENTIAL, "POSIX_MADV_SEQUENTIAL" },
	{ POSIX_MADV_RANDOM, "POSIX_MADV_RANDOM" },
	{ POSIX_MADV_WILLNEED, "POSIX_MADV_WILLNEED" },
	{ POSIX_MADV_DONTNEED, "POSIX_MADV_DONTNEED" },
};

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE, NULL);

	fill_pattern(map, 0, len, 1);
	for (size_t i = 0; i < sizeof(advice) / sizeof(advice[0]); i++) {
		int err = posix_madvise(map, len, advice[i].advice);

		if (err != 0)
			FAIL("posix_madvise(%s) returned %d (%s), expected 0",
			     advice[i].name, err, errno_name(err));
		CHECK_PATTERN_SEED(map, 0, len, 1);
	}
}
