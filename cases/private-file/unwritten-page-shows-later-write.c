/*
 * On Linux a page of a MAP_PRIVATE file mapping that has not been written
 * through the mapping is the object's own page (the page cache), so a
 * later write() to the object shows through it, whether the mapping had
 * read the page or not touched it at all; only a store through the
 * mapping makes it a private copy (change-by-write-hidden-after-store).
 * POSIX leaves this unspecified, and change-by-write-before-store-observed
 * records it there; this case asserts Linux's answer.  Fails under a
 * kernel or emulation that copies the object into the mapping at mmap()
 * or at the first read, so the write() is not seen.
 */
#include "private-file.h"

MMAPCTS_CASE(
	.assertion = "On Linux, a page of a MAP_PRIVATE mapping not yet written "
		     "through it, untouched or read, shows a later write() to the "
		     "object.",
	.spec      = "Linux mmap(2): MAP_PRIVATE (\"It is unspecified whether changes "
		     "made to the file after the mmap() call are visible\"; Linux "
		     "shares unwritten pages with the page cache, copy-on-write)",
	.profile   = "linux",
	.covers    = "B6",
	.variants  = "file memfd",	/* write() to a shm object is unspecified */
);

static void run(void)
{
	for (int read_first = 0; read_first <= 1; read_first++) {
		const char *state = change_before_store(BY_WRITE, read_first);

		if (!state || strcmp(state, "after"))
			FAIL("the %s unwritten private page shows %s, expected the "
			     "object's bytes after the write()",
			     read_first ? "read" : "untouched",
			     state ? "the object's bytes before the write()" :
				     "neither the bytes before the write() nor after");
	}
}
