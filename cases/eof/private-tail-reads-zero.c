/*
 * The bytes of the last, partial page of a MAP_PRIVATE mapping that lie
 * past end-of-file read as zero, and the bytes before it show the object.
 * The object is eof_size() bytes (one page and an odd part of the next),
 * mapped for two pages, so the tail is everything from eof_size() to the
 * end of the second page.  Fails under a kernel that fills the tail with
 * whatever the page frame held before (stale data from another file or
 * process), or with bytes of the object beyond its size still in the
 * cache; a kernel that faults on the tail fails too.
 */
#include "eof.h"

MMAPCTS_CASE(
	.assertion = "In a MAP_PRIVATE mapping, the bytes of the last partial page "
		     "past the end of the object read as zero.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (a partial page at the end of "
		     "an object is always zero-filled)",
	.profile   = "posix",
	.covers    = "D2",
	.variants  = "file shm memfd",
);

static void run(void)
{
	unsigned char *map = map_eof_object(NULL, 2 * page_size, PROT_READ,
					    MAP_PRIVATE);

	CHECK_PATTERN(map, 0, eof_size());
	CHECK_ZERO(map + eof_size(), eof_tail());
}
