/*
 * remap_file_pages() refuses with EINVAL every call whose arguments do
 * not name pages of one shared mapping, one error condition per row of
 * the table, each on a 4-page MAP_SHARED file mapping followed by a
 * reserved (anonymous PROT_NONE) page:
 *	"past the end"	the range runs one page past the mapping;
 *	"unmapped"	addr is in a hole;
 *	"prot"		prot is not 0 (the only value it may have);
 *	"size 0"	nothing to remap;
 *	"pgoff wraps"	pgoff plus the pages overflows.
 * An emulation that skips the checks (returning 0, or remapping what it
 * can) fails on the row; a FAIL names it.  A MAP_PRIVATE mapping is
 * remap-file-pages-private-einval.
 */
#include "limits.h"

MMAPCTS_CASE(
	.assertion = "remap_file_pages() of a range past the end of a shared "
		     "mapping, of an unmapped address, with a nonzero prot, of size "
		     "0, or with a pgoff that overflows fails with EINVAL.",
	.spec      = "Linux remap_file_pages(2): ERRORS, EINVAL (addr does not refer "
		     "to a valid mapping created with MAP_SHARED; addr or size is "
		     "invalid); DESCRIPTION (prot must be 0)",
	.profile   = "linux",
	.covers    = "O4",
	.needs     = "remap_file_pages",
);

static void run(void)
{
	size_t len = REMAP_PAGES * page_size;
	unsigned char *span = reserve(len + page_size), *hole = reserve(page_size);
	struct object obj = make_object(len);
	unsigned char *map = SAFE_MAP_OBJECT(span, len, PROT_READ | PROT_WRITE,
					     MAP_SHARED | MAP_FIXED, &obj, 0);
	const struct {
		const char *row;
		unsigned char *addr;
		size_t size;
		int prot;
		size_t pgoff;
	} rows[] = {
		{ "past the end", map + page_size, len, 0, 0 },
		{ "unmapped", hole, page_size, 0, 0 },
		{ "prot", map, page_size, PROT_READ, 1 },
		{ "size 0", map, 0, 0, 1 },
		{ "pgoff wraps", map, 2 * page_size, 0, SIZE_MAX },
	};

	SAFE_MUNMAP(hole, page_size);
	REQUIRE_HOLE(hole, page_size);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		char what[64];
		int r = remap_file_pages(rows[i].addr, rows[i].size, rows[i].prot,
					 rows[i].pgoff, 0);

		snprintf(what, sizeof(what), "row \"%s\": remap_file_pages()", rows[i].row);
		mmapcts_check_fails_(MMAPCTS_HERE, what, r == -1, (const int[]){ EINVAL, 0 });
	}
	CHECK_PATTERN(map, 0, len);
}
