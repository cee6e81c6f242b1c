/*
 * Stores to the object through a MAP_SHARED mapping, made after a page of
 * a MAP_PRIVATE mapping has been read (but not written), may or may not
 * show through the private mapping: POSIX leaves it unspecified.  Unlike
 * the write() cases this one covers shm objects too, and changes the
 * object by the other route.  The answer is recorded as
 * "shared_store_visible_in_read_page"; the case asserts only that the
 * page is wholly before or wholly after the change.  Fails under a
 * kernel that shows a mixture, zeroes or another page.
 */
#include "private-file.h"

MMAPCTS_CASE(
	.assertion = "A read but unwritten page of a MAP_PRIVATE mapping shows the "
		     "object's bytes either from before or from after later stores "
		     "through a MAP_SHARED mapping, wholly one or the other.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_PRIVATE (\"It is "
		     "unspecified whether modifications to the underlying object "
		     "done after the MAP_PRIVATE mapping is established are "
		     "visible\")",
	.profile   = "posix",
	.covers_part = "B6",
	.variants  = "file shm memfd",
);

static void run(void)
{
	observe_change_before_store(BY_SHARED_STORE, 1, "shared_store_visible_in_read_page");
}
