/*
 * Data cut off by ftruncate() does not come back when the object grows
 * again: after shrinking a mapped object to the middle of its second page
 * and growing it back to three pages, read() returns zero from the old
 * cut to the end, although a MAP_SHARED mapping held those pages (with
 * their old data) all along.  Fails under a kernel that shrinks only the
 * size and keeps the cached pages, so the old data reappears on the grow.
 *
 * No shm variant: POSIX leaves read() of a shared memory object
 * unspecified (shrink-grow-mapping-zero looks through the mapping).
 */
#include "eof.h"

MMAPCTS_CASE(
	.assertion = "After a mapped object is shrunk with ftruncate() and grown "
		     "again, read() returns zero where the cut-off data was.",
	.spec      = "POSIX.1-2024 ftruncate(): DESCRIPTION (cut data is no longer "
		     "available; an extended area reads as zero)",
	.profile   = "posix",
	.covers    = "D7",
	.covers_part = "D9",
	.variants  = "file memfd",
);

static void run(void)
{
	size_t len = 3 * page_size;
	struct object obj;
	unsigned char *data;

	shrunk_and_grown(&obj, len);
	data = read_object(&obj, 0, len);

	CHECK_PATTERN(data, 0, eof_size());
	CHECK_ZERO(data + eof_size(), len - eof_size());
}
