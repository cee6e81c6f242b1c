/*
 * A file mapping whose object has been truncated to nothing is still an
 * ordinary mapping for munmap(): the call succeeds and its pages then
 * raise SIGSEGV with SEGV_MAPERR, no longer SIGBUS.
 *
 * The MAP_SHARED mapping covers the two pages of the object and is read,
 * so its pages are present; then the object is truncated to length 0,
 * which takes the pages away and makes a reference raise SIGBUS (whole
 * pages past the end of the object).  munmap() must still remove the
 * mapping.  A kernel that trips over a mapping whose pages are already
 * gone (an error, or a mapping left behind so that the reference still
 * raises SIGBUS) fails.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "munmap() of a MAP_SHARED mapping whose object was truncated "
		     "to length 0 returns 0, and its pages then raise SIGSEGV with "
		     "SEGV_MAPERR.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (\"Further references to "
		     "these pages shall result in the generation of a SIGSEGV "
		     "signal\"); mmap(): DESCRIPTION (SIGBUS past the end of the "
		     "object only while mapped)",
	.profile   = "posix",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 2 * page_size;
	struct object obj;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, 2 * page_size, PROT_READ, MAP_SHARED,
					      &obj);

	touch_pages(map, len);
	SAFE_FTRUNCATE(obj.fd, 0);

	CHECK_OK(munmap(map, len));
	CHECK_UNMAPPED(map, len);
}
