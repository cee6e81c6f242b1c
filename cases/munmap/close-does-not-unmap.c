/*
 * Closing the descriptor a mapping was made from does not unmap it: every
 * page stays mapped and shows the object, until munmap() removes it.
 *
 * The MAP_SHARED mapping is not touched before close(), so each page the
 * case reads afterwards must be found through the mapping's own reference
 * to the object.  A kernel that removes mappings with the descriptor (or
 * whose mapping borrowed the descriptor's reference, so the object is
 * gone) fails: the read faults (SIGSEGV or SIGBUS) or shows other bytes.
 * A memfd has no other reference here, so for it the mapping is the only
 * thing keeping the object alive.  The mapping then ends where it should,
 * at munmap(): an implementation that tracks mappings by descriptor and
 * refuses (EBADF, EINVAL) or ignores the unmap of one whose descriptor is
 * gone fails on the call or on the pages it leaves behind.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "A MAP_SHARED mapping outlives close() of its descriptor, "
		     "showing the object in every page, and is removed by "
		     "munmap().",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (an extra reference to the file "
		     "\"which is not removed by a subsequent close() on that file "
		     "descriptor\"); munmap(): DESCRIPTION; Linux munmap(2): "
		     "\"closing the file descriptor does not unmap the region\"",
	.profile   = "posix",
	.covers    = "C7",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, 3 * page_size, PROT_READ, MAP_SHARED,
					      &obj);

	SAFE_CLOSE(obj.fd);
	CHECK_INTACT(map, 0, 3);

	CHECK_OK(munmap(map, 3 * page_size));
	CHECK_UNMAPPED(map, 3 * page_size);
}
