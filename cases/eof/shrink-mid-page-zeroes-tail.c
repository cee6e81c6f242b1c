/*
 * ftruncate() to the middle of a page zeroes the rest of that page, as
 * seen through a MAP_SHARED mapping made before the truncation: the page
 * stays mapped (it is not wholly past the new end) and its bytes past the
 * new end read as zero, while those before it keep their data.  Linux
 * zeroes the partial page when it truncates (truncate_inode_pages_range()),
 * keeping its promise that the tail of the last page is zero; POSIX leaves
 * the effect on portions of an existing mapping that were removed from the
 * object unspecified, hence the linux profile.  Fails under a kernel that
 * leaves the old data in the partial page.
 */
#include "eof.h"

MMAPCTS_CASE(
	.assertion = "After ftruncate() to the middle of a page, an existing "
		     "MAP_SHARED mapping of that page reads zero past the new end "
		     "and the old data before it.",
	.spec      = "Linux mmap(2): NOTES (bytes of the partial last page past the "
		     "end are zero); Linux truncate(2): DESCRIPTION (extra data lost)",
	.profile   = "linux",
	.covers    = "D6",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(2 * page_size);
	unsigned char *map = SAFE_MMAP(NULL, 2 * page_size, PROT_READ, MAP_SHARED,
				       obj.fd, 0);

	touch_pages(map, 2 * page_size);
	SAFE_FTRUNCATE(obj.fd, (off_t)eof_size());

	CHECK_PATTERN(map, 0, eof_size());
	CHECK_ZERO(map + eof_size(), eof_tail());
}
