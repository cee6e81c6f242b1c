/*
 * Removing one mapping of an object leaves the other mappings of it
 * working, even when no descriptor is open: they keep the object alive and
 * show what the removed mapping stored.
 *
 * Two MAP_SHARED mappings of the object are made and the descriptor
 * closed; a second pattern (seed 1) is stored through the first, which is
 * then unmapped.  The second must still be mapped and show the stores.  A
 * kernel that releases the object when any mapping of it goes (rather
 * than the last one) fails: the second mapping faults or shows the old
 * bytes.  For a memfd the two mappings are the object's only references.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "After munmap() of one of two MAP_SHARED mappings of an object "
		     "whose descriptor is closed, the other mapping shows the "
		     "stores made through the removed one.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (the reference to the file "
		     "\"shall be removed when there are no more mappings to the "
		     "file\"), MAP_SHARED; munmap(): DESCRIPTION",
	.profile   = "posix",
	.covers_part = "C2",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 2 * page_size;
	struct object obj;
	unsigned char *gone = SAFE_MAP_PATTERN(NULL, 2 * page_size,
					       PROT_READ | PROT_WRITE, MAP_SHARED, &obj);
	unsigned char *kept = SAFE_MMAP(NULL, len, PROT_READ, MAP_SHARED, obj.fd, 0);

	SAFE_CLOSE(obj.fd);
	fill_pattern(gone, 0, len, 1);
	SAFE_MUNMAP(gone, len);

	CHECK_INTACT_SEED(kept, 0, 2, 1);
}
