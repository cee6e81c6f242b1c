/*
 * When ftruncate() grows a mapped object, the pages of an existing mapping
 * that now lie inside the object become readable, as zero.  The object is
 * one page, the MAP_SHARED mapping three, and the object grows to three
 * pages; the new pages are never referenced before the grow, so nothing
 * could be cached for them.  POSIX leaves references to portions added to
 * a mapped object unspecified; Linux decides each fault against the
 * current size, hence the linux profile.  Fails under a kernel that
 * fixes the accessible part of a mapping when the mapping is made
 * (SIGBUS after the grow), or shows non-zero bytes in the new pages.
 */
#include "eof.h"

MMAPCTS_CASE(
	.assertion = "After ftruncate() grows a mapped object, the pages of an "
		     "existing MAP_SHARED mapping inside the new size read as zero.",
	.spec      = "Linux mmap(2): SIGBUS (only beyond the current end of the "
		     "file); Linux truncate(2): DESCRIPTION (extended part is zero)",
	.profile   = "linux",
	.covers_part = "D7",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(page_size);
	unsigned char *map = SAFE_MMAP(NULL, 3 * page_size, PROT_READ, MAP_SHARED,
				       obj.fd, 0);

	SAFE_FTRUNCATE(obj.fd, (off_t)(3 * page_size));

	CHECK_READ_OK(map + page_size);
	CHECK_ZERO(map + page_size, 2 * page_size);
}
