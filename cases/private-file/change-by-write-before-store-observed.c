/*
 * A write() to the object after a MAP_PRIVATE mapping of it is made may
 * or may not show through the mapping on a page not yet written through
 * it: POSIX leaves it unspecified.  Two such pages are tried: one the
 * mapping has not touched ("write_visible_in_untouched_page") and one it
 * has read, so it holds the object's page already
 * ("write_visible_in_read_page", the state a system with a separate copy
 * per mapping would show stale).  The answers are recorded; the case
 * asserts only what any answer needs: each page shows the object wholly
 * before or wholly after the write(), never a mixture, zeroes or another
 * page.  Fails under a kernel that fills or keeps an unwritten private
 * page from a half-updated or wrong page of the object.
 */
#include "private-file.h"

MMAPCTS_CASE(
	.assertion = "A page of a MAP_PRIVATE mapping not yet written through it, "
		     "touched or not, shows the object's bytes either from before "
		     "or from after a later write() to the object, wholly one or "
		     "the other.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_PRIVATE (\"It is "
		     "unspecified whether modifications to the underlying object "
		     "done after the MAP_PRIVATE mapping is established are "
		     "visible\")",
	.profile   = "posix",
	.covers_part = "B6",
	.variants  = "file memfd",	/* write() to a shm object is unspecified */
);

static void run(void)
{
	observe_change_before_store(BY_WRITE, 0, "write_visible_in_untouched_page");
	observe_change_before_store(BY_WRITE, 1, "write_visible_in_read_page");
}
