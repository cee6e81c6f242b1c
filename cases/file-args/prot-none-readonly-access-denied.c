/*
 * Any access to a PROT_NONE MAP_SHARED mapping of a read-only object is
 * refused: a read does not complete although the process may read the
 * object through its descriptor (the mapping's protection, not the
 * file's permissions, decides), and a store does not complete either,
 * nor change the object (checked afterwards through a fresh PROT_READ
 * mapping).  The object has mode 0444 and is opened O_RDONLY (see
 * readonly_object_fd()).  Fails under an implementation that sets a
 * mapping's access from the descriptor's rights instead of prot (the
 * read completes), or lets the store through into a 0444 file.  POSIX
 * does not name the signal; the ones seen are recorded.
 */
#include "file-args.h"

MMAPCTS_CASE(
	.assertion = "Reads and stores to a PROT_NONE MAP_SHARED mapping of a file "
		     "of mode 0444 opened for reading do not complete, and the "
		     "file keeps its data.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (no access is permitted "
		     "where PROT_NONE alone has been set)",
	.profile   = "posix",
	.covers    = "C6",
	.variants  = "file shm memfd",
);

static void run(void)
{
	int fd = readonly_object_fd(page_size);
	unsigned char *map = SAFE_MMAP(NULL, page_size, PROT_NONE, MAP_SHARED, fd, 0);

	CHECK_READ_DENIED(map);
	CHECK_WRITE_DENIED(map + page_size / 2);
	CHECK_PATTERN(SAFE_MMAP(NULL, page_size, PROT_READ, MAP_SHARED, fd, 0), 0,
		      page_size);
}
