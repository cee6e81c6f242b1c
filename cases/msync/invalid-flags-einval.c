/*
 * msync() with invalid flags fails with EINVAL: both MS_SYNC and MS_ASYNC
 * (they ask for opposite things), with or without MS_INVALIDATE, and a
 * flag bit no system defines added to MS_SYNC or to MS_ASYNC.  The
 * mapping is a valid, written MAP_SHARED file mapping and nothing is
 * locked, so the flags are the only thing wrong with each call.  Fails
 * under a kernel or libc that picks one of MS_SYNC and MS_ASYNC instead
 * of refusing the pair, or masks the flags down to the bits it knows and
 * goes ahead (which leaves a program no way to tell whether a flag it
 * relies on is honoured).
 */
#include "msync.h"

MMAPCTS_CASE(
	.assertion = "msync() with both MS_SYNC and MS_ASYNC, or with a flag bit "
		     "outside MS_SYNC, MS_ASYNC and MS_INVALIDATE, fails with EINVAL.",
	.spec      = "POSIX.1-2024 msync(): ERRORS, shall fail: EINVAL (\"the value "
		     "of flags is invalid\"); Linux msync(2): ERRORS, EINVAL",
	.profile   = "posix",
	.covers    = "I2",
);

static const int flags[] = {
	MS_SYNC | MS_ASYNC,
	MS_SYNC | MS_ASYNC | MS_INVALIDATE,
	MS_SYNC | UNDEFINED_MS_FLAG,
	MS_ASYNC | UNDEFINED_MS_FLAG,
};

static void run(void)
{
	size_t len = 2 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_SHARED, NULL);
	char name[64];

	fill_pattern(map, 0, len, 1);

	for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
		msync_flags_name(flags[i], name, sizeof(name));
		if (msync(map, len, flags[i]) == 0)
			FAIL("msync(%s) succeeded, expected EINVAL", name);
		if (errno != EINVAL)
			FAIL("msync(%s) failed with %s, expected EINVAL", name,
			     errno_name(errno));
	}
}
