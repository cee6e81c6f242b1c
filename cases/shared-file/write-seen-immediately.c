/*
 * On Linux, write() to the file is seen at once through an existing
 * MAP_SHARED mapping, with no msync(MS_INVALIDATE): the mapping shows the
 * page cache page write() changed.  The mapping starts two pages into the
 * object and is read before the write(), so it holds its pages; the
 * write() goes to object page 3, which is the mapping's second page, and
 * the mapping's first page must keep the object's bytes.  POSIX asks for
 * MS_INVALIDATE first (write-seen-after-invalidate).  Fails under a
 * kernel whose mapping keeps a stale copy of the page, or that applies
 * the write at the wrong place in the mapping (offset ignored).
 *
 * No shm variant: POSIX leaves write() to a shared memory object unspecified.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "write() to a file is visible at once, at the right offset, "
		     "through an existing MAP_SHARED mapping of it.",
	.spec      = "Linux mmap(2): MAP_SHARED (the mapping shows the file's page "
		     "cache pages); write(2) updates those same pages",
	.profile   = "linux",
	.covers    = "C2",
	.variants  = "file memfd",
);

static void run(void)
{
	size_t len = 4 * page_size;
	struct object obj = make_object(len);
	unsigned char *map = SAFE_MMAP(NULL, 2 * page_size, PROT_READ, MAP_SHARED,
				       obj.fd, (off_t)(2 * page_size));
	unsigned char *data = scratch(page_size);

	touch_pages(map, 2 * page_size);
	fill_pattern(data, 3 * page_size, page_size, 1);
	SAFE_PWRITE(obj.fd, data, page_size, (off_t)(3 * page_size));

	CHECK_PATTERN(map, 2 * page_size, page_size);
	CHECK_PATTERN_SEED(map + page_size, 3 * page_size, page_size, 1);
}
