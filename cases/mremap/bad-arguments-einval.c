/*
 * mremap() refuses arguments it cannot honour with EINVAL and changes
 * nothing: each row of the table breaks one rule and nothing else.
 *	overlap		MREMAP_FIXED onto a range that overlaps the old one
 *	old unaligned	an old_address that is not page-aligned
 *	new unaligned	a new_address that is not page-aligned
 *	fixed alone	MREMAP_FIXED without MREMAP_MAYMOVE
 *	new size 0	a new_size of zero
 * Catches a kernel that accepts overlapping ranges (moving through itself
 * corrupts the data), one that rounds an unaligned address down to its
 * page, and one that takes MREMAP_FIXED alone as a move.  A FAIL names
 * the row.
 */
#include "mremap.h"

MMAPCTS_CASE(
	.assertion = "mremap() with overlapping old and new ranges, an unaligned "
		     "old_address or new_address, MREMAP_FIXED without MREMAP_MAYMOVE "
		     "or a new_size of 0 fails with EINVAL and leaves the mapping as "
		     "it was.",
	.spec      = "Linux mremap(2): ERRORS, EINVAL",
	.profile   = "linux",
	.covers    = "J8",
	.needs     = "mremap MREMAP_MAYMOVE MREMAP_FIXED",
);

enum target { NO_TARGET, FREE_TARGET, OVERLAPPING_TARGET };

static const struct {
	const char *what;
	size_t old_skew, new_skew;	/* bytes added to old_address, new_address */
	size_t new_pages;
	int flags;
	enum target target;
} rows[] = {
	{ "overlap", 0, 0, 2, MREMAP_MAYMOVE | MREMAP_FIXED, OVERLAPPING_TARGET },
	{ "old unaligned", 1, 0, 3, MREMAP_MAYMOVE, NO_TARGET },
	{ "new unaligned", 0, 1, 2, MREMAP_MAYMOVE | MREMAP_FIXED, FREE_TARGET },
	{ "fixed alone", 0, 0, 2, MREMAP_FIXED, FREE_TARGET },
	{ "new size 0", 0, 0, 0, MREMAP_MAYMOVE, NO_TARGET },
};

static void run(void)
{
	size_t len = 2 * page_size;
	/* The mapping is the first half of a reservation, so that a kernel
	 * which does a refused move does it over memory of the case's own. */
	unsigned char *map = SAFE_MAP_PATTERN(reserve(2 * len), len, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, NULL);
	unsigned char *free_dest = reserve(len);

	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		unsigned char *dest = rows[i].target == FREE_TARGET ? free_dest
				      : rows[i].target == OVERLAPPING_TARGET ? map + page_size
				      : NULL;
		void *p = mremap(map + rows[i].old_skew, len, rows[i].new_pages * page_size,
				 rows[i].flags, dest ? dest + rows[i].new_skew : NULL);

		if (p != MAP_FAILED)
			FAIL("%s: mremap() succeeded, expected EINVAL", rows[i].what);
		if (errno != EINVAL)
			FAIL("%s: mremap() failed with %s, expected EINVAL", rows[i].what,
			     errno_name(errno));
		CHECK_INTACT(map, 0, 2);
	}
}
