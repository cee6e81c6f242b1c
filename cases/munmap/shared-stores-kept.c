/*
 * Unmapping a MAP_SHARED mapping keeps what was stored through it: the
 * stores already changed the object, and munmap() discards modifications
 * only of private mappings.  Read back after munmap() and after close() of
 * the descriptor the mapping was made from, the object holds the stores.
 *
 * No msync() is called: the rule is about munmap(), not about writing
 * back.  The order is store, munmap(), close(), so when the object is read
 * nothing of the mapping or of its descriptor is left.  The stores use a
 * second pattern (seed 1) over the setup's pattern, so a page that was
 * dropped (the old pattern) or replaced by zeroes shows.  The reading
 * descriptor is opened before the close: a memfd has no name to open it
 * by later, and without a second reference it would be gone with it.  The
 * object is read with pread() where read() is defined for the backing,
 * through a fresh mapping for shm.  A kernel that threw away dirty shared
 * pages at munmap(), as it must for private ones, or when the mapping's
 * descriptor is closed, fails here.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "Stores made through a MAP_SHARED mapping are still in the "
		     "object after munmap() and close() of the mapping's "
		     "descriptor.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_SHARED (\"Write "
		     "references shall change the underlying object\"); munmap(): "
		     "DESCRIPTION (only private modifications are discarded)",
	.profile   = "posix",
	.covers    = "G9",
	.covers_part = "C1",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 2 * page_size;
	struct object obj;
	int reader;

	store_and_unmap(&obj, 2, MAP_SHARED);
	reader = reopen_object(&obj, O_RDONLY);
	SAFE_CLOSE(obj.fd);
	obj.fd = reader;

	CHECK_PATTERN_SEED(object_contents(&obj, len), 0, len, 1);
}
