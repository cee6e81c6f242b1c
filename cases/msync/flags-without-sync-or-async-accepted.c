/*
 * Linux accepts msync() flags with neither MS_SYNC nor MS_ASYNC: 0 (which
 * Linux treats as MS_ASYNC) and MS_INVALIDATE alone return 0 on every
 * kind of mapping.  POSIX asks for one of the two, and some systems
 * refuse a call without; Linux documents that it does not.  Fails under
 * a kernel or libc that enforces POSIX's rule on Linux (EINVAL).
 */
#include "msync.h"

MMAPCTS_CASE(
	.assertion = "On Linux, msync() with flags 0 or MS_INVALIDATE alone returns 0 "
		     "on anonymous and file, private and shared, writable and "
		     "read-only mappings.",
	.spec      = "Linux msync(2): NOTES (Linux permits a call that specifies "
		     "neither MS_SYNC nor MS_ASYNC, currently equivalent to MS_ASYNC)",
	.profile   = "linux",
	.covers    = "I1",
	.covers_part = "I7",
	.variants  = "anon-private anon-shared file-private file-shared "
		     "read-only-private read-only-shared",
);

static const int flags[] = { 0, MS_INVALIDATE };

static void run(void)
{
	check_msync_accepts(flags);
}
