/*
 * msync(MS_SYNC) on a MAP_PRIVATE mapping writes nothing to the object:
 * a shared mapping made afterwards still shows the object's own bytes.
 * msync() is the call that writes a mapping back, so it is where an
 * implementation that does not tell the two mapping types apart would
 * copy private stores into the object.  Fails under a kernel or libc whose
 * msync() writes back the pages of a private mapping.
 */
#include "private-file.h"

MMAPCTS_CASE(
	.assertion = "msync(MS_SYNC) on a MAP_PRIVATE mapping with stores in it "
		     "leaves the object unchanged.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_PRIVATE (modifications "
		     "\"shall not change the underlying object\"); msync(): "
		     "DESCRIPTION",
	.profile   = "posix",
	.covers    = "B3",
	.covers_part = "I1",
	.variants  = "file shm memfd",
);

static void run(void)
{
	check_msync_private_writes_nothing(MS_SYNC);
}
