/*
 * munmap() of a range that straddles mapped and unmapped pages succeeds
 * and removes every mapped page in it, wherever the holes are.
 *
 * Each row of the table is a layout inside a fresh reservation, one
 * character a page: 'm' a mapped page holding the pattern, '.' a hole.
 * The call covers the whole layout, and afterwards every page of it must
 * be unmapped: the mapped pages removed, the holes still holes.  The
 * rows catch different broken walks of the range:
 *	"mm.."	mapped then hole: a kernel that refuses a range with unmapped
 *		pages (ENOMEM or EINVAL, as mprotect() and msync() must);
 *	"..mm"	hole then mapped: one that looks up the mapping at addr, finds
 *		none and returns early, "nothing to do";
 *	"m..m"	a hole in the middle: one that stops at the first gap;
 *	".m.m."	several holes and mappings, starting and ending in a hole.
 * A FAIL names the row.  A range with no mapping at all is
 * unmapped-range-no-effect; what lies outside the range,
 * straddle-neighbours-untouched.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "munmap() of a range holding both mapped and unmapped pages "
		     "returns 0 and removes every mapped page of the range.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (\"remove any mappings for "
		     "those entire pages containing any part of the address space\" "
		     "of the range; no mappings is not an error)",
	.profile   = "posix",
	.covers    = "G5",
);

static const char *const layouts[] = { "mm..", "..mm", "m..m", ".m.m." };

static void run(void)
{
	for (size_t row = 0; row < sizeof(layouts) / sizeof(layouts[0]); row++) {
		const char *layout = layouts[row];
		size_t len = strlen(layout) * page_size;
		unsigned char *base = lay_out(layout);
		char what[32];

		if (munmap(base, len) < 0)
			FAIL("munmap() of layout \"%s\" failed with %s, expected "
			     "success", layout, errno_name(errno));
		snprintf(what, sizeof(what), "layout \"%s\"", layout);
		mmapcts_check_unmapped_(MMAPCTS_HERE, what, base, len);
	}
}
