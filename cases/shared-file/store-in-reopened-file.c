/*
 * Stores through a MAP_SHARED mapping are in the file after the mapping
 * is removed and the descriptor closed: the file opened again by its name
 * returns them from read().  No msync() is called: the stores changed the
 * object, and neither munmap() nor close() may take that back.  Nothing of
 * the first open survives to the read: not the mapping, not the
 * descriptor.  Fails under a kernel or libc that drops dirty shared pages
 * when the mapping or the last descriptor goes away (an mmap() emulated
 * in user space that writes back only at msync() does).
 *
 * File only: read() of a shm object is unspecified, and a memfd cannot be
 * opened again once its last descriptor is closed.
 */
#include "shared-file.h"

MMAPCTS_CASE(
	.assertion = "After stores through a MAP_SHARED mapping, munmap() and "
		     "close(), read() of the reopened file returns the stored "
		     "bytes.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (only the modifications "
		     "of private mappings are discarded); mmap(): MAP_SHARED "
		     "(\"write references shall change the underlying object\")",
	.profile   = "posix",
	.covers    = "C1",
);

static void run(void)
{
	size_t len = 2 * page_size;
	struct object obj;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_SHARED, &obj);
	unsigned char *file = scratch(len);
	int fd;

	fill_pattern(map, 0, len, 1);
	SAFE_MUNMAP(map, len);
	SAFE_CLOSE(obj.fd);

	fd = reopen_object(&obj, O_RDONLY);
	SAFE_READ(fd, file, len);

	CHECK_PATTERN_SEED(file, 0, len, 1);
}
