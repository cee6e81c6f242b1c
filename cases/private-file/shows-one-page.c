/*
 * A one-page MAP_PRIVATE mapping at a non-zero offset shows exactly that
 * page of the object.  The page mapped is the object's last one, three
 * pages in, so the offset is the only thing that selects it: the pattern
 * differs in every page, and a mapping of any other page (offset ignored,
 * taken in bytes where pages are meant or the reverse), a zero-filled
 * page, or a page read short shows wrong bytes.  Fails under a kernel or
 * libc that passes the offset on wrongly, or fills a single-page mapping
 * from the wrong place in the object.
 */
#include "private-file.h"

MMAPCTS_CASE(
	.assertion = "A one-page MAP_PRIVATE mapping at a page-multiple offset shows "
		     "the object's bytes of that page.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (a mapping to the memory "
		     "object ... at offset off for len bytes)",
	.profile   = "posix",
	.covers    = "B1",
	.variants  = "file shm memfd",
);

static void run(void)
{
	check_private_shows(4 * page_size, (off_t)(3 * page_size), page_size);
}
