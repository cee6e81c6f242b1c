/*
 * A MAP_PRIVATE file mapping grown by mremap() keeps the pages it already
 * copied on write, and shows the object in the rest, old pages and new:
 * in place (free room after it) and moved (a neighbour in the way).
 * Catches a kernel that rebuilds the grown mapping from the object (the
 * private stores are lost), and one that fills the new part with zero
 * pages instead of the object's bytes.
 */
#include "mremap.h"

MMAPCTS_CASE(
	.assertion = "After mremap() grows a MAP_PRIVATE file mapping, in place or "
		     "by moving it, a page stored to before keeps the stored bytes and "
		     "the other pages, old and new, show the object.",
	.spec      = "Linux mremap(2): DESCRIPTION; POSIX.1-2024 mmap(): MAP_PRIVATE "
		     "(modifications are private to the process)",
	.profile   = "linux",
	.covers    = "J13",
	.covers_part = "J6",
	.needs     = "mremap MREMAP_MAYMOVE",
	.variants  = "file shm memfd",
);

static void run(void)
{
	for (int moved = 0; moved <= 1; moved++) {
		struct object obj = make_object(4 * page_size);
		unsigned char *base = moved ? reserve(3 * page_size) : reserve(4 * page_size);
		unsigned char *map;

		if (moved) {
			SAFE_MAP_ANON(base + 2 * page_size, page_size, PROT_READ,
				      MAP_PRIVATE | MAP_FIXED);
		} else {
			SAFE_MUNMAP(base + 2 * page_size, 2 * page_size);
		}
		map = SAFE_MAP_OBJECT(base, 2 * page_size, PROT_READ | PROT_WRITE,
				      MAP_PRIVATE | MAP_FIXED, &obj, 0);
		fill_pattern(map, 0, page_size, 1);

		map = CHECK_MAP_OK(mremap(map, 2 * page_size, 4 * page_size,
					  MREMAP_MAYMOVE));
		OBSERVE(moved ? "grown_with_neighbour" : "grown_with_room", "%s",
			map == base ? "in place" : "moved");
		CHECK_INTACT_SEED(map, 0, 1, 1);
		CHECK_INTACT(map, 1, 3);
	}
}
