/*
 * msync(MS_INVALIDATE) on a MAP_PRIVATE mapping writes nothing to the
 * object.  Invalidating is about making the mapping consistent with the
 * object, which an implementation might do by first writing the mapping's
 * modified pages out; for a private mapping that would change the object.
 * Whether the private stores survive the invalidation (POSIX does not say
 * what MS_INVALIDATE does to private copies) is recorded as
 * "private_store_kept_after_invalidate".  Fails under a kernel or libc
 * that writes private pages back on MS_INVALIDATE.
 */
#include "private-file.h"

MMAPCTS_CASE(
	.assertion = "msync(MS_INVALIDATE) on a MAP_PRIVATE mapping with stores in "
		     "it leaves the object unchanged.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_PRIVATE (modifications "
		     "\"shall not change the underlying object\"); msync(): "
		     "DESCRIPTION, MS_INVALIDATE",
	.profile   = "posix",
	.covers    = "B3",
	.covers_part = "I7",
	.variants  = "file shm memfd",
);

static void run(void)
{
	unsigned char *priv = check_msync_private_writes_nothing(MS_INVALIDATE);
	const char *state = pattern_state(priv, 0, 2 * page_size, 1);

	OBSERVE("private_store_kept_after_invalidate", "%s",
		!state ? "partly" : !strcmp(state, "after") ? "yes" : "no");
}
