/*
 * A mapping keeps its own reference to the object: after close() of the
 * descriptor and removal of the object's name (unlink() of a file,
 * shm_unlink() of a shm object; a memfd has no name, so only the close),
 * the mapping still shows the object's bytes.  The pages are not touched
 * before, so every one of them must still be reachable through the
 * mapping's reference, not through a page already in the page tables.
 * Fails under a kernel whose mapping borrows the descriptor's reference:
 * the object is freed and the loads fault (SIGBUS) or show zeros.
 */
#include "private-file.h"

MMAPCTS_CASE(
	.assertion = "A MAP_PRIVATE mapping still shows the object's bytes after "
		     "the descriptor is closed and the object's name removed.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (mmap() adds \"an extra "
		     "reference to the file ... which is not removed by a subsequent "
		     "close()\"); unlink(), shm_unlink(): DESCRIPTION (removal "
		     "postponed while references remain)",
	.profile   = "posix",
	.covers    = "C7",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 2 * page_size;
	struct object obj = make_object(len);
	unsigned char *map = SAFE_MMAP(NULL, len, PROT_READ, MAP_PRIVATE, obj.fd, 0);

	SAFE_CLOSE(obj.fd);
	unlink_object(&obj);

	CHECK_READ_OK(map);
	CHECK_READ_OK(map + page_size);
	CHECK_PATTERN(map, 0, len);
}
