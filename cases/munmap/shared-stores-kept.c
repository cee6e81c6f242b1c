/*
 * Unmapping a MAP_SHARED mapping keeps what was stored through it: the
 * stores already changed the object, and munmap() discards modifications
 * only of private mappings.  read() of the object afterwards returns the
 * stored bytes.
 *
 * No msync() is called: the rule is about munmap(), not about writing
 * back.  The stores use a second pattern (seed 1) over the setup's
 * pattern, so a page that was dropped (read() returns the old pattern) or
 * replaced by zeroes shows.  A kernel that threw away dirty shared pages
 * on unmap, as it must for private ones, fails here.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "Stores made through a MAP_SHARED mapping are still in the "
		     "object, as read() shows, after the mapping is removed with "
		     "munmap().",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_SHARED (\"Write "
		     "references shall change the underlying object\"); munmap(): "
		     "DESCRIPTION (only private modifications are discarded)",
	.profile   = "posix",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 2 * page_size;
	struct object obj = make_object(len);
	unsigned char *map = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED,
				       obj.fd, 0);
	unsigned char *readback = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE,
					    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	fill_pattern(map, 0, len, 1);
	SAFE_MUNMAP(map, len);

	SAFE_PREAD(obj.fd, readback, len, 0);
	CHECK_PATTERN_SEED(readback, 0, len, 1);
}
