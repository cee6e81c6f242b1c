/*
 * A PROT_NONE MAP_SHARED mapping of a descriptor open for reading only is
 * still a mapping of the object: mprotect(PROT_READ), the access the
 * descriptor has, succeeds, and the mapping then shows the object's
 * bytes.  Fails under an implementation that set up a PROT_NONE mapping
 * as a mere reservation with no object behind it (zeros after the
 * mprotect), or refuses PROT_READ because the mapping was shared and
 * the descriptor not writable.
 */
#include "file-args.h"

MMAPCTS_CASE(
	.assertion = "After mprotect(PROT_READ), a PROT_NONE MAP_SHARED mapping of "
		     "a descriptor open for reading only shows the object's bytes.",
	.spec      = "POSIX.1-2024 mprotect(): DESCRIPTION; mmap(): DESCRIPTION (the "
		     "mapping is of the object at offset off)",
	.profile   = "posix",
	.variants  = "file shm memfd",
);

static void run(void)
{
	int fd = readonly_object_fd(2 * page_size);
	unsigned char *map = SAFE_MMAP(NULL, 2 * page_size, PROT_NONE, MAP_SHARED,
				       fd, 0);

	CHECK_OK(mprotect(map, 2 * page_size, PROT_READ));
	CHECK_PATTERN(map, 0, 2 * page_size);
}
