/*
 * The partial last page belongs to the mapping whole: a store to its tail,
 * past end-of-file, through a writable MAP_PRIVATE mapping completes and
 * reads back.  The store covers the whole tail with a pattern of its own,
 * so a kernel that faults on the tail (treats end-of-file as the end of
 * the mapping, to the byte), or drops the stores, fails.
 */
#include "eof.h"

MMAPCTS_CASE(
	.assertion = "Stores to the bytes past end-of-file in the last partial page "
		     "of a writable MAP_PRIVATE mapping complete and read back.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (any partial page in "
		     "[pa,pa+len) is part of the mapping)",
	.profile   = "posix",
	.covers    = "D2",
	.variants  = "file shm memfd",
);

static void run(void)
{
	unsigned char *map = map_eof_object(NULL, 2 * page_size,
					    PROT_READ | PROT_WRITE, MAP_PRIVATE);

	CHECK_WRITE_OK(map + eof_size(), 1);
	fill_pattern(map + eof_size(), eof_size(), eof_tail(), 1);

	CHECK_PATTERN_SEED(map + eof_size(), eof_size(), eof_tail(), 1);
}
