/*
 * The bytes of the last, partial page of a MAP_SHARED mapping that lie past
 * end-of-file read as zero.  The object first holds two full pages of the
 * pattern and is then cut with ftruncate() to eof_size(), before it is
 * mapped: the bytes past the new end were real data a moment ago (still
 * in the page cache, perhaps still on disk), so a kernel that maps the
 * cached page as it is, without zeroing what lies past end-of-file, shows
 * them and fails.  Only this fresh mapping is looked at; what an existing
 * mapping shows after a truncation is the business of the shrink cases.
 */
#include "eof.h"

MMAPCTS_CASE(
	.assertion = "In a MAP_SHARED mapping made after the object was cut to "
		     "the middle of a page, the bytes of that page past the end "
		     "read as zero.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (partial last page zero-filled); "
		     "ftruncate(): DESCRIPTION (data past the new size is gone)",
	.profile   = "posix",
	.covers    = "D2",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(2 * page_size);
	unsigned char *map;

	SAFE_FTRUNCATE(obj.fd, (off_t)eof_size());
	map = SAFE_MMAP(NULL, 2 * page_size, PROT_READ, MAP_SHARED, obj.fd, 0);

	CHECK_PATTERN(map, 0, eof_size());
	CHECK_ZERO(map + eof_size(), eof_tail());
}
