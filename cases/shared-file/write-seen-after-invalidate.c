/*
 * write() to an object reaches an existing MAP_SHARED mapping of it: after
 * msync(MS_INVALIDATE), the mapping shows the written bytes.  The mapping
 * is read before the write() so it holds the page already; a system with
 * a separate buffer cache could keep a stale copy there, and
 * MS_INVALIDATE is POSIX's way to make it fetch the object's bytes again.
 * Whether the bytes show before msync() is recorded, not asserted (Linux
 * shares one page cache, so they do).  Fails under a kernel whose mapping
 * keeps a stale copy of the page and ignores MS_INVALIDATE.
 *
 * No shm variant: POSIX leaves write() to a shared memory object unspecified.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "After write() to an object and msync(MS_INVALIDATE), an "
		     "existing MAP_SHARED mapping of it shows the written bytes.",
	.spec      = "POSIX.1-2024 msync(): DESCRIPTION, MS_INVALIDATE (later "
		     "references obtain data consistent with the permanent storage)",
	.profile   = "posix",
	.covers_part = "I8 I7",
	.variants  = "file memfd",
);

static void run(void)
{
	size_t len = 2 * page_size;
	struct object obj = make_object(len);
	unsigned char *map = SAFE_MMAP(NULL, len, PROT_READ, MAP_SHARED, obj.fd, 0);
	unsigned char *data = SAFE_MMAP(NULL, page_size, PROT_READ | PROT_WRITE,
					MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	for (size_t i = 0; i < len; i += page_size)
		(void)*(volatile unsigned char *)(map + i);	/* hold the pages */
	fill_pattern(data, page_size, page_size, 1);
	SAFE_PWRITE(obj.fd, data, page_size, (off_t)page_size);
	OBSERVE("write_seen_before_msync", "%s",
		memcmp(map + page_size, data, page_size) ? "no" : "yes");
	SAFE_MSYNC(map, len, MS_INVALIDATE);

	CHECK_PATTERN(map, 0, page_size);
	CHECK_PATTERN_SEED(map + page_size, page_size, page_size, 1);
}
