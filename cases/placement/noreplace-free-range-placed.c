/*
 * MAP_FIXED_NOREPLACE on a range where nothing is mapped maps exactly
 * there: the call returns addr, and the memory is the backing's (the
 * object's bytes, or zeroes).  The range is the middle two pages of a
 * four-page hole in the case's own reservation, whose pages stay mapped
 * on either side: a system choosing an address itself picks an end of
 * the hole (top-down or bottom-up), never its middle.  So a kernel that
 * refuses (EEXIST), places the mapping elsewhere (ignores the address),
 * maps more than asked or maps the wrong object fails.  On a kernel older than Linux 4.17 the flag
 * is unknown and the call a hint, which lands here too: nothing to tell.
 */
#include "placement.h"

MMAPCTS_CASE(
	.assertion = "mmap() with MAP_FIXED_NOREPLACE on a free range returns "
		     "exactly that address and maps the object there.",
	.spec      = "Linux mmap(2): MAP_FIXED_NOREPLACE (\"like MAP_FIXED with "
		     "respect to the addr enforcement\"; since Linux 4.17)",
	.profile   = "linux",
	.needs     = "MAP_FIXED_NOREPLACE",
	.covers    = "K5",
	.variants  = "anon dev-zero file shm memfd",
);

static void run(void)
{
	size_t len = 2 * page_size;
	unsigned char *r = reserve(6 * page_size), *hole = r + page_size, *map;
	struct backing b = variant_backing(len);

	SAFE_MUNMAP(hole, 4 * page_size);
	map = CHECK_NOREPLACE_PLACED(hole + page_size, len, MAP_SHARED, b,
				     "the middle of a free range");

	if (b.object)
		CHECK_PATTERN(map, 0, len);
	else
		CHECK_ZERO(map, len);
	CHECK_UNMAPPED(hole, page_size);
	CHECK_UNMAPPED(map + len, page_size);
	CHECK_READ_FAULTS(r, SIGSEGV, SEGV_ACCERR);
	CHECK_READ_FAULTS(r + 5 * page_size, SIGSEGV, SEGV_ACCERR);
}
