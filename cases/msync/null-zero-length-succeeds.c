/*
 * On Linux, msync(NULL, 0, flags) returns 0: an empty range names no page,
 * so there is nothing to sync and no page to find unmapped, even at an
 * address where nothing is ever mapped.  Each valid flag value is tried.
 * Fails under a kernel or libc that looks up the mapping at addr before
 * it looks at the length (ENOMEM for the empty range at NULL).
 */
#include "msync.h"

MMAPCTS_CASE(
	.assertion = "On Linux, msync(NULL, 0, flags) returns 0 for MS_SYNC, MS_ASYNC "
		     "and either with MS_INVALIDATE.",
	.spec      = "Linux msync(2): DESCRIPTION (the part of the file for the "
		     "memory area of length bytes is updated: none); mm/msync.c "
		     "(an empty range returns 0 before any lookup)",
	.profile   = "linux",
	.covers    = "I5",
);

static const int flags[] = {
	MS_SYNC, MS_ASYNC, MS_SYNC | MS_INVALIDATE, MS_ASYNC | MS_INVALIDATE,
};

static void run(void)
{
	char name[64];

	for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
		if (msync(NULL, 0, flags[i]) != 0)
			FAIL("msync(NULL, 0, %s) failed with %s, expected success",
			     msync_flags_name(flags[i], name, sizeof(name)),
			     errno_name(errno));
}
