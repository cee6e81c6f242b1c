/*
 * A MAP_PRIVATE mapping of many pages shows the object's bytes in every
 * one of them.  64 pages are mapped from an offset of three pages, so the
 * mapping crosses several of the windows a kernel fills at once on a
 * fault (fault-around, read-ahead) and those windows are not aligned with
 * the object's pages; every byte is checked against the pattern, which
 * differs in every page.  Fails under a kernel whose batched fault
 * handling computes an object page from the address wrongly (off by the
 * mapping's offset or by a window), or leaves a page of the window
 * zero-filled.
 */
#include "private-file.h"

MMAPCTS_CASE(
	.assertion = "Every page of a many-page MAP_PRIVATE mapping at a non-zero "
		     "offset shows the object's bytes at the corresponding offset.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (a mapping to the memory "
		     "object ... at offset off for len bytes)",
	.profile   = "posix",
	.covers    = "B1 B2",
	.covers_part = "C13",
	.variants  = "file shm memfd",
);

static void run(void)
{
	check_private_shows(67 * page_size, (off_t)(3 * page_size), 64 * page_size);
}
