/*
 * A PROT_NONE MAP_SHARED mapping of a descriptor open for reading only
 * cannot be made writable later: mprotect(PROT_READ|PROT_WRITE) fails
 * with EACCES, the access the descriptor never had.  (mmap() let the
 * mapping in because PROT_NONE asked for nothing.)  Fails under a kernel
 * that checks the descriptor only at mmap() time, so that mprotect()
 * opens a write path into a 0444 file through a read-only descriptor.
 */
#include "file-args.h"

MMAPCTS_CASE(
	.assertion = "mprotect(PROT_READ|PROT_WRITE) of a PROT_NONE MAP_SHARED "
		     "mapping of a descriptor open for reading only fails with "
		     "EACCES.",
	.spec      = "POSIX.1-2024 mprotect(): ERRORS, [EACCES] (prot violates the "
		     "access permission to the underlying object)",
	.profile   = "posix",
	.covers    = "C4",
	.variants  = "file shm memfd",
);

static void run(void)
{
	int fd = readonly_object_fd(page_size);
	unsigned char *map = SAFE_MMAP(NULL, page_size, PROT_NONE, MAP_SHARED, fd, 0);

	CHECK_FAILS(mprotect(map, page_size, PROT_READ | PROT_WRITE), EACCES);
}
