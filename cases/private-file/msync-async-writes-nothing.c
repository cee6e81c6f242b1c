/*
 * msync(MS_ASYNC) on a MAP_PRIVATE mapping writes nothing to the object,
 * now or later: a shared mapping made afterwards shows the object's own
 * bytes.  MS_ASYNC only schedules the write-back, so an implementation
 * that queued private pages with it would show them in the object by the
 * time it is mapped again (on Linux the page cache is what the new
 * mapping shows, queued or not).  Fails under a kernel or libc whose
 * msync(MS_ASYNC) writes back or queues the pages of a private mapping.
 */
#include "private-file.h"

MMAPCTS_CASE(
	.assertion = "msync(MS_ASYNC) on a MAP_PRIVATE mapping with stores in it "
		     "leaves the object unchanged.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_PRIVATE (modifications "
		     "\"shall not change the underlying object\"); msync(): "
		     "DESCRIPTION, MS_ASYNC",
	.profile   = "posix",
	.covers    = "B3",
	.covers_part = "I1",
	.variants  = "file shm memfd",
);

static void run(void)
{
	check_msync_private_writes_nothing(MS_ASYNC);
}
