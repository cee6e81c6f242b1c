/*
 * A one-byte MAP_PRIVATE mapping at a non-zero offset maps its whole page:
 * every byte of it can be read and shows the object's bytes from the
 * offset.  This is the partial-page rule at its extreme, combined with an
 * offset, so the page included must be the one at the offset.  Fails
 * under a kernel that maps only the bytes asked for, or rounds the range
 * to a page without applying the offset.
 */
#include "private-file.h"

MMAPCTS_CASE(
	.assertion = "A one-byte MAP_PRIVATE mapping at a page-multiple offset makes "
		     "its whole page readable, showing the object's bytes there.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (a mapping \"at offset off "
		     "for len bytes\"; \"the system shall include ... any partial "
		     "page specified by the address range\")",
	.profile   = "posix",
	.covers_part = "B1",
	.variants  = "file shm memfd",
);

static void run(void)
{
	check_private_shows(4 * page_size, (off_t)(2 * page_size), 1);
}
