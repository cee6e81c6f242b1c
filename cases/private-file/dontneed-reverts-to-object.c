/*
 * madvise(MADV_DONTNEED) on a written MAP_PRIVATE file mapping throws the
 * private copies away: the next access maps the object's page again, so
 * the mapping shows the object's bytes, not the stores and not zeroes.
 * A kernel that keeps the copied pages (DONTNEED as a mere hint) fails on
 * the stored bytes; one that zero-fills as for anonymous memory fails on
 * the first zero byte.  The object is never changed, so "the object's
 * bytes" is the setup's pattern.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "After madvise(MADV_DONTNEED), a written MAP_PRIVATE file "
		     "mapping shows the object's bytes again.",
	.spec      = "Linux madvise(2): MADV_DONTNEED (\"private file mappings ... "
		     "repopulate the memory contents from the up-to-date contents of "
		     "the underlying mapped file\")",
	.profile   = "linux",
	.covers    = "B10",
	.needs     = "madvise MADV_DONTNEED",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE, NULL);

	fill_pattern(map, 0, len, 1);
	CHECK_OK(madvise(map, len, MADV_DONTNEED));

	CHECK_PATTERN(map, 0, len);
}
