/*
 * On Linux, a store through a MAP_SHARED mapping is seen by read() at
 * once, with no msync(): mappings and read() use the same page cache
 * pages.  The store goes to the second page of the mapping and pread()
 * reads the whole object right after it, so the stored page must show the
 * store and the other page the object's bytes.  POSIX asks for msync()
 * first (store-seen-by-read); this is the stronger Linux promise.  Fails
 * under a kernel with a separate buffer cache that read() serves until
 * the mapping is written back, or one that writes back to the wrong page.
 *
 * No shm variant: POSIX leaves read() of a shared memory object unspecified.
 */
#include "shared-file.h"

MMAPCTS_CASE(
	.assertion = "A store through a MAP_SHARED mapping is returned by a read() "
		     "of the file made right after it, without msync().",
	.spec      = "Linux mmap(2): MAP_SHARED (updates \"are carried through to "
		     "the underlying file\"); read(2) is served from the page cache "
		     "pages the mapping stores to",
	.profile   = "linux",
	.covers_part = "C1",
	.variants  = "file memfd",
);

static void run(void)
{
	size_t len = 2 * page_size;
	struct object obj;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_SHARED, &obj);
	unsigned char *file;

	fill_pattern(map + page_size, page_size, page_size, 1);
	file = read_object(&obj, 0, len);

	CHECK_PATTERN(file, 0, page_size);
	CHECK_PATTERN_SEED(file + page_size, page_size, page_size, 1);
}
