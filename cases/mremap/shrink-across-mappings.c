/*
 * mremap() shrinks a range that spans several mappings and holes: the
 * first page (its own mapping) is kept, and everything else in the old
 * range - a read-only mapping split off by its protection, a hole, another
 * mapping - is unmapped, as munmap() would.  With MREMAP_FIXED the kept
 * page is moved to the destination and the whole old range is gone.
 * Catches a kernel that insists the old range be one mapping (EFAULT, as
 * for a growth), or that stops unmapping at the first mapping boundary.
 */
#include "mremap.h"

MMAPCTS_CASE(
	.assertion = "mremap() shrinking a range that spans several mappings and "
		     "holes keeps the first new_size bytes and unmaps the rest of the "
		     "range, in place and with MREMAP_FIXED.",
	.spec      = "Linux mremap(2): DESCRIPTION (\"if the operation performs a "
		     "shrink ... old_size may also span multiple mappings, which do "
		     "not have to be adjacent\")",
	.profile   = "linux",
	.covers    = "J3",
	.needs     = "mremap MREMAP_FIXED",
);

static const struct {
	const char *layout;
	int fixed;
} rows[] = {
	{ "mr.m", 0 },
	{ "mmr.r", 0 },
	{ "mr.m", 1 },
};

static void run(void)
{
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const char *layout = rows[i].layout;
		size_t len = strlen(layout) * page_size;
		/* The destination first: reserved after the cut, it could
		 * land in one of the layout's holes (bottom-up placement, as
		 * on User-Mode Linux), inside the old range (EINVAL). */
		unsigned char *fixed = rows[i].fixed ? reserve(page_size) : NULL;
		unsigned char *base = lay_out_cut(layout);
		unsigned char *dest = fixed ? fixed : base;
		void *p = rows[i].fixed
			  ? mremap(base, len, page_size, MREMAP_MAYMOVE | MREMAP_FIXED, dest)
			  : mremap(base, len, page_size, 0);

		if (p != dest)
			FAIL("shrinking layout \"%s\"%s to one page: mremap() gave %s, "
			     "expected %s", layout, rows[i].fixed ? " with MREMAP_FIXED" : "",
			     p == MAP_FAILED ? errno_name(errno) : "another address",
			     rows[i].fixed ? "new_address" : "old_address");
		CHECK_INTACT(dest, 0, 1);
		CHECK_UNMAPPED(base + (rows[i].fixed ? 0 : page_size),
			       len - (rows[i].fixed ? 0 : page_size));
	}
}
