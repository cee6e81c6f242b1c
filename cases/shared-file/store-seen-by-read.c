/*
 * A store through a MAP_SHARED mapping reaches the object at the offset
 * the mapping covers: after msync(MS_SYNC), read() returns the stored
 * bytes there and the object's other bytes unchanged.  The mapping starts
 * one page into the object and the store goes to its second page, so a
 * store written back to the wrong place (the mapping's offset ignored)
 * shows as well as one never written back.  Fails under a kernel that
 * treats MAP_SHARED like MAP_PRIVATE, or writes pages back at the wrong
 * file offset.
 *
 * No shm variant: POSIX leaves read() of a shared memory object unspecified.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "After a store through a MAP_SHARED mapping and msync(MS_SYNC), "
		     "read() returns the stored bytes at the object offset the "
		     "mapping covers, and the other bytes unchanged.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_SHARED (\"write "
		     "references shall change the underlying object\"); msync(): "
		     "DESCRIPTION",
	.profile   = "posix",
	.covers    = "C1",
	.covers_part = "I1",
	.variants  = "file memfd",
);

static void run(void)
{
	size_t len = 3 * page_size;
	struct object obj = make_object(len);
	unsigned char *map = SAFE_MMAP(NULL, 2 * page_size, PROT_READ | PROT_WRITE,
				       MAP_SHARED, obj.fd, (off_t)page_size);
	unsigned char *file = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE,
					MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	fill_pattern(map + page_size, 2 * page_size, page_size, 1);
	SAFE_MSYNC(map, 2 * page_size, MS_SYNC);
	SAFE_PREAD(obj.fd, file, len, 0);

	CHECK_PATTERN(file, 0, 2 * page_size);
	CHECK_PATTERN_SEED(file + 2 * page_size, 2 * page_size, page_size, 1);
}
