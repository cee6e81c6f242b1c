/*
 * MADV_POPULATE_READ and MADV_POPULATE_WRITE over a range with a hole fail
 * with ENOMEM: there is nothing to populate there.  Each row is a layout
 * inside a fresh reservation ('m' a page of private anonymous read-write
 * memory, '.' a hole) and an advice; the case first populates a whole
 * mapping, so the advice is known.  A kernel that skips the holes and
 * reports success fails with the row.  What became of the mapped pages is
 * not asserted: the kernel may stop at the hole.
 */
#include "madvise.h"

MMAPCTS_CASE(
	.assertion = "On Linux, MADV_POPULATE_READ and MADV_POPULATE_WRITE of a "
		     "range with unmapped pages fail with ENOMEM.",
	.spec      = "Linux madvise(2): ERRORS (ENOMEM: \"addresses in the specified "
		     "range are not currently mapped\"); MADV_POPULATE_READ, "
		     "MADV_POPULATE_WRITE",
	.profile   = "linux",
	.covers    = "M5",
	.needs     = "madvise",
);

static const struct {
	const char *layout;
	int advice;
	const char *name;
} rows[] = {
	{ "m.", MADV_POPULATE_READ, "MADV_POPULATE_READ" },
	{ ".m", MADV_POPULATE_READ, "MADV_POPULATE_READ" },
	{ "m.", MADV_POPULATE_WRITE, "MADV_POPULATE_WRITE" },
	{ ".m", MADV_POPULATE_WRITE, "MADV_POPULATE_WRITE" },
};

static void run(void)
{
	unsigned char *whole = lay_out("mm");

	ADVISE_OK(whole, 2 * page_size, MADV_POPULATE_READ);
	ADVISE_OK(whole, 2 * page_size, MADV_POPULATE_WRITE);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		unsigned char *base = lay_out(rows[i].layout);
		char what[64];

		snprintf(what, sizeof(what), "%s of layout \"%s\"", rows[i].name,
			 rows[i].layout);
		mmapcts_check_fails_(MMAPCTS_HERE, what,
				     madvise(base, strlen(rows[i].layout) * page_size,
					     rows[i].advice) == -1,
				     (const int[]){ ENOMEM, 0 });
	}
}
