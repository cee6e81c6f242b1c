/*
 * On Linux, msync(MS_SYNC) over a range with a hole in it fails with
 * ENOMEM, yet syncs the mapped pages of the range all the same, before
 * the hole and after it: the kernel skips the unmapped part and reports
 * it at the end.  Stores go into two MAP_SHARED file pages either side of
 * an unmapped page; after msync() of the three pages, read() must return
 * both stores.  On a kernel whose page cache is the mapping this holds
 * whatever msync() does; it catches a system whose shared mappings are
 * copies written back by msync() (an emulated mmap) and whose msync()
 * gives up at the hole before writing anything back.
 *
 * No shm variant: POSIX leaves read() of a shared memory object unspecified.
 */
#include "msync.h"

MMAPCTS_CASE(
	.assertion = "On Linux, msync(MS_SYNC) of a range with an unmapped page "
		     "between two MAP_SHARED pages fails with ENOMEM, and read() "
		     "then returns the stores made to both pages.",
	.spec      = "Linux msync(2): ERRORS, ENOMEM (\"the indicated memory (or part "
		     "of it) was not mapped\"); mm/msync.c (unmapped parts are "
		     "skipped and reported as ENOMEM at the end)",
	.profile   = "linux",
	.covers    = "I10",
	.covers_part = "I4",
	.variants  = "file memfd",
);

static void run(void)
{
	size_t len = 3 * page_size;
	struct object obj;
	unsigned char *map = shared_with_holes("m.m", &obj);
	unsigned char *file;

	fill_pattern(map, 0, page_size, 1);
	fill_pattern(map + 2 * page_size, 2 * page_size, page_size, 1);

	CHECK_FAILS(msync(map, len, MS_SYNC), ENOMEM);
	file = read_object(&obj, 0, len);
	CHECK_PATTERN_SEED(file, 0, page_size, 1);
	CHECK_PATTERN(file + page_size, page_size, page_size);
	CHECK_PATTERN_SEED(file + 2 * page_size, 2 * page_size, page_size, 1);
}
