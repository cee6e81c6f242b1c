/*
 * Trimming the first page off a file mapping leaves the remaining pages
 * mapping the same offsets of the object as before.
 *
 * The mapping covers three pages of the object and is not touched before
 * the trim, so every page the case reads afterwards is filled from the
 * object through the trimmed mapping's own offset.  Page 1 must show the
 * object's page 1 and page 2 its page 2.  A kernel that moves the
 * mapping's start without advancing its file offset shows the object's
 * page 0 in page 1 and fails.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "After munmap() of the first page of a MAP_SHARED file "
		     "mapping, the remaining pages show the object at their "
		     "original offsets.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (only the pages of the range "
		     "are removed); mmap(): DESCRIPTION (pa maps the object from off)",
	.profile   = "posix",
	.covers    = "G6",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, 3 * page_size, PROT_READ, MAP_SHARED,
					      &obj);

	SAFE_MUNMAP(map, page_size);

	CHECK_INTACT(map, 1, 2);
}
