/*
 * With a 64-bit off_t, a store through a MAP_SHARED mapping at an offset
 * above 4 GiB lands in the object at that offset: after msync(MS_SYNC),
 * pread() at 4 GiB + one page returns it.  The object is a sparse hole up
 * to there, so a kernel that writes the page back at the offset truncated
 * to 32 bits leaves the bytes at offset one page instead and fails, as
 * does one that refuses the mapping.  Where off_t is 32-bit no such
 * offset exists: UNSUPPORTED.
 *
 * No shm variant: POSIX leaves read() of a shared memory object unspecified.
 */
#include "eof.h"

MMAPCTS_CASE(
	.assertion = "A store through a MAP_SHARED mapping at an offset above 4 GiB "
		     "reaches the object at that offset.",
	.spec      = "POSIX.1-2024 mmap(): MAP_SHARED (stores change the object); "
		     "msync(): DESCRIPTION; <sys/types.h>: off_t",
	.profile   = "posix",
	.covers_part = "B2",
	.variants  = "file memfd",
);

static void run(void)
{
	off_t off = offset_above_4gib();
	struct object obj = make_object(0);
	unsigned char *map;

	SAFE_FTRUNCATE(obj.fd, off + (off_t)page_size);
	map = CHECK_MAP_OK(mmap(NULL, page_size, PROT_READ | PROT_WRITE, MAP_SHARED,
				obj.fd, off));
	fill_pattern(map, (uint64_t)off, page_size, 1);
	SAFE_MSYNC(map, page_size, MS_SYNC);

	CHECK_PATTERN_SEED(read_object(&obj, off, page_size), (uint64_t)off, page_size, 1);
}
