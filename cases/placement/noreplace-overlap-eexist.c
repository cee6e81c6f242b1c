/*
 * MAP_FIXED_NOREPLACE over a range that overlaps an existing mapping in
 * any way fails with EEXIST and leaves the mapping and its bytes as they
 * were.  The existing mapping is four pages of the variant's backing
 * holding the pattern, with holes on either side; the requests cover it
 * exactly, around it (a superset), inside it, across its start and across
 * its end.  A kernel that replaces the mapping (treats the flag as
 * MAP_FIXED), places the new one elsewhere (treats it as a hint, as a
 * kernel older than 4.17 does: UNSUPPORTED there, FAIL on 4.17 and later)
 * or checks only the first page of the range fails, naming the request.
 */
#include "placement.h"

MMAPCTS_CASE(
	.assertion = "mmap() with MAP_FIXED_NOREPLACE over a range that overlaps "
		     "an existing mapping (exactly, around, inside, at either end) "
		     "fails with EEXIST and leaves the existing bytes alone.",
	.spec      = "Linux mmap(2): MAP_FIXED_NOREPLACE (\"If the requested range "
		     "would collide with an existing mapping, then this call fails "
		     "with the error EEXIST\")",
	.profile   = "linux",
	.needs     = "MAP_FIXED_NOREPLACE",
	.covers    = "K6",
	.variants  = "anon dev-zero file shm memfd",
);

static const struct {
	const char *what;
	long first;	/* pages from the mapping's start */
	size_t npages;
} requests[] = {
	{ "the mapping exactly", 0, 4 },
	{ "a range around the mapping", -1, 6 },
	{ "a range inside the mapping", 1, 2 },
	{ "a range across the mapping's start", -1, 2 },
	{ "a range across the mapping's end", 3, 2 },
};

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = mapping_between_holes(2, 4, 2);

	for (size_t i = 0; i < sizeof(requests) / sizeof(requests[0]); i++)
		CHECK_NOREPLACE_REFUSED(map + requests[i].first * (long)page_size,
					requests[i].npages * page_size, 0, EEXIST,
					requests[i].what);

	CHECK_PATTERN(map, 0, len);
	CHECK_UNMAPPED(map - 2 * page_size, 2 * page_size);
	CHECK_UNMAPPED(map + len, 2 * page_size);
}
