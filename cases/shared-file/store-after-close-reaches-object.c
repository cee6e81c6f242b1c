/*
 * A MAP_SHARED mapping stays a mapping of the object after close() of its
 * descriptor: a store made after close() reaches the object.  The store,
 * msync() and munmap() all happen with no descriptor open; the object is
 * then opened afresh and mapped again, so the bytes can only come from
 * the object.  Fails under a kernel that turns the mapping into anonymous
 * memory (or drops its write-back) once the last descriptor is closed.
 *
 * No memfd variant: a memfd has no name to open it again by once its last
 * descriptor is closed.
 */
#include "shared-file.h"

MMAPCTS_CASE(
	.assertion = "A store through a MAP_SHARED mapping after the descriptor "
		     "it was made from is closed still changes the object.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (the extra reference \"not "
		     "removed by a subsequent close()\"), MAP_SHARED",
	.profile   = "posix",
	.covers    = "C7",
	.variants  = "file shm",
);

static void run(void)
{
	size_t len = 2 * page_size;
	struct object obj;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_SHARED, &obj);
	unsigned char *again;
	int fd;

	SAFE_CLOSE(obj.fd);
	fill_pattern(map, 0, len, 1);
	SAFE_MSYNC(map, len, MS_SYNC);
	SAFE_MUNMAP(map, len);

	fd = reopen_object(&obj, O_RDONLY);
	again = SAFE_MMAP(NULL, len, PROT_READ, MAP_SHARED, fd, 0);

	CHECK_PATTERN_SEED(again, 0, len, 1);
}
