/*
 * Stores through a MAP_PRIVATE mapping are gone for good once the mapping
 * is removed and the descriptor closed: the object, opened again by its
 * name and mapped, holds its own bytes.  munmap() and close() are the two
 * moments an implementation might write pages back; after both, nothing
 * of the mapping is left.  Fails under a kernel or libc that writes dirty
 * private pages back when the mapping or the last descriptor goes away
 * (an mmap() emulated with read() and write-back on munmap() does).
 *
 * No memfd variant: a memfd cannot be opened again once its last
 * descriptor is closed.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "After stores through a MAP_PRIVATE mapping, munmap() and "
		     "close(), the object opened again still holds its original "
		     "bytes.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_PRIVATE (modifications "
		     "\"shall not change the underlying object\"); munmap(): "
		     "DESCRIPTION (modifications of a private mapping \"shall be "
		     "discarded\")",
	.profile   = "posix",
	.covers    = "B3",
	.variants  = "file shm",
);

static void run(void)
{
	size_t len = 2 * page_size;
	struct object obj = make_object(len);
	unsigned char *priv = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE,
					obj.fd, 0);
	unsigned char *again;
	int fd;

	fill_pattern(priv, 0, len, 1);
	SAFE_MUNMAP(priv, len);
	SAFE_CLOSE(obj.fd);

	fd = reopen_object(&obj, O_RDONLY);
	again = SAFE_MMAP(NULL, len, PROT_READ, MAP_SHARED, fd, 0);

	CHECK_PATTERN(again, 0, len);
}
