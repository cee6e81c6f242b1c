/*
 * Growing the object with write() instead of ftruncate() also brings the
 * new page into an existing mapping: after pwrite() of a page at the old
 * end-of-file, the mapping's second page (past the old end when the
 * mapping was made) shows the written bytes.  The page is not referenced
 * before the write.  Linux's page cache is coherent and faults are
 * decided against the current size, hence the linux profile (POSIX leaves
 * references to added portions unspecified).  Fails under a kernel that
 * raises SIGBUS for the page or maps a stale zero page there.
 *
 * No shm variant: POSIX leaves write() to a shared memory object unspecified.
 */
#include "eof.h"

MMAPCTS_CASE(
	.assertion = "After write() extends a mapped object by a page, an existing "
		     "MAP_SHARED mapping shows the written bytes in that page.",
	.spec      = "Linux mmap(2): MAP_SHARED (updates by others are visible), "
		     "SIGBUS (only beyond the current end of the file)",
	.profile   = "linux",
	.covers_part = "C2",
	.variants  = "file memfd",
);

static void run(void)
{
	struct object obj = make_object(page_size);
	unsigned char *map = SAFE_MMAP(NULL, 2 * page_size, PROT_READ, MAP_SHARED,
				       obj.fd, 0);
	unsigned char *data = scratch(page_size);

	fill_pattern(data, page_size, page_size, 1);
	SAFE_PWRITE(obj.fd, data, page_size, (off_t)page_size);

	CHECK_READ_OK(map + page_size);
	CHECK_PATTERN_SEED(map + page_size, page_size, page_size, 1);
}
