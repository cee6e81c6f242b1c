/*
 * madvise(MADV_DONTNEED) on a MAP_SHARED mapping keeps the data: Linux
 * drops only this process's page table entries, and the next access maps
 * the object's pages again, with the stores made before the advice.  On
 * every shared backing (a /dev/zero mapping, which is shared anonymous
 * memory, a file, a shm object, a memfd) the case stores the pattern of
 * seed 1 over the object's own bytes, advises all of it and reads.  A
 * kernel that gives shared mappings the private anonymous treatment (fresh
 * zero pages) fails on the first zero byte; one that drops the object's
 * dirty pages without writing them back fails on the first byte of the
 * old contents.  anon/dontneed-shared-keeps-data is the MAP_ANONYMOUS form.
 */
#include "madvise.h"

MMAPCTS_CASE(
	.assertion = "On Linux, a MAP_SHARED mapping keeps the bytes stored to it "
		     "across madvise(MADV_DONTNEED), on every shared backing.",
	.spec      = "Linux madvise(2): MADV_DONTNEED (\"subsequent accesses of pages "
		     "in the range ... will result in repopulating the memory "
		     "contents from the up-to-date contents of the underlying mapped "
		     "file ... shared anonymous mappings\")",
	.profile   = "linux",
	.covers    = "M2",
	.needs     = "madvise MADV_DONTNEED",
	.variants  = "dev-zero file shm memfd",
);

static void run(void)
{
	size_t len = 8 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_SHARED, NULL);

	fill_pattern(map, 0, len, 1);
	CHECK_OK(madvise(map, len, MADV_DONTNEED));

	CHECK_PATTERN_SEED(map, 0, len, 1);
}
