/*
 * A MAP_SHARED mapping with PROT_NONE of an object the process may only
 * read succeeds: PROT_NONE asks for no access, so the descriptor's missing
 * write permission is no reason to refuse (EACCES is for "PROT_WRITE ...
 * specified for a MAP_SHARED type mapping").  The object has mode 0444
 * and is opened O_RDONLY (see readonly_object_fd(): the open mode is what
 * makes it read-only for root too).  Fails under an implementation that
 * demands a writable descriptor for every MAP_SHARED mapping, whatever
 * the protection.
 */
#include "file-args.h"

MMAPCTS_CASE(
	.assertion = "mmap() with PROT_NONE and MAP_SHARED of a descriptor open for "
		     "reading only, on a file of mode 0444, succeeds.",
	.spec      = "POSIX.1-2024 mmap(): ERRORS, [EACCES] (for a read-only fildes "
		     "only when PROT_WRITE is asked with MAP_SHARED)",
	.profile   = "posix",
	.covers    = "C6",
	.variants  = "file shm memfd",
);

static void run(void)
{
	int fd = readonly_object_fd(page_size);

	CHECK_MAP_OK(mmap(NULL, page_size, PROT_NONE, MAP_SHARED, fd, 0));
}
