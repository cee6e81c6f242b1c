/*
 * mremap() shrinks a mapping where it is: it returns the old address, the
 * kept pages hold their bytes, and the cut-off pages are unmapped.  Two
 * rows: the whole four-page mapping shrunk to two pages, and a middle
 * part of it (pages 1-2 shrunk to page 1), which cuts a hole in the
 * mapping and leaves page 3 alone.  Catches a kernel that returns success
 * but leaves the tail mapped, one that cuts the tail of the whole mapping
 * instead of the tail of the range, and one that moves the kept part.
 */
#include "mremap.h"

MMAPCTS_CASE(
	.assertion = "mremap() to a smaller size, of a whole mapping or of part of "
		     "one, returns old_address, keeps the first new_size bytes and "
		     "unmaps the rest of the old range only.",
	.spec      = "Linux mremap(2): DESCRIPTION (\"expands (or shrinks) an "
		     "existing memory mapping\")",
	.profile   = "linux",
	.covers    = "J2",
	.needs     = "mremap",
	.variants  = "anon dev-zero file shm memfd",
);

static const struct {
	const char *what;
	size_t first, old_pages, new_pages;	/* the range, in pages of the mapping */
} rows[] = {
	{ "the whole mapping", 0, 4, 2 },
	{ "a middle part", 1, 2, 1 },
};

static void run(void)
{
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		unsigned char *map = map_backing(NULL, 4, 4);
		unsigned char *old = map + rows[i].first * page_size;
		size_t cut = rows[i].first + rows[i].new_pages;
		size_t end = rows[i].first + rows[i].old_pages;
		void *p = mremap(old, rows[i].old_pages * page_size,
				 rows[i].new_pages * page_size, 0);

		if (p != old)
			FAIL("shrinking %s: mremap() gave %s, expected old_address",
			     rows[i].what, p == MAP_FAILED ? errno_name(errno) : "another address");
		CHECK_INTACT(map, 0, cut);
		CHECK_UNMAPPED(map + cut * page_size, (end - cut) * page_size);
		CHECK_INTACT(map, end, 4 - end);
		SAFE_MUNMAP(map, 4 * page_size);
	}
}
