/*
 * madvise() over a range with holes fails with ENOMEM, yet the advice has
 * reached every mapped page of the range: MADV_DONTNEED over private
 * anonymous pages holding the pattern leaves each of them reading zero.
 * Each row is a layout inside a fresh reservation, one character a page
 * ('m' mapped, '.' a hole), and catches a different broken walk:
 *	"m.m"	a hole in the middle: one that stops at the first gap;
 *	".m"	a hole first: one that checks the range before advising and
 *		gives up;
 *	"m."	a hole last: one that advises, then reports success.
 * A FAIL names the row and the page.  A kernel that returns 0 over holes
 * fails at the call; one that returns ENOMEM without advising fails on the
 * first pattern byte.
 */
#include "madvise.h"

MMAPCTS_CASE(
	.assertion = "On Linux, madvise(MADV_DONTNEED) over a range with unmapped "
		     "pages fails with ENOMEM and still drops every mapped page "
		     "of the range.",
	.spec      = "Linux madvise(2): ERRORS (ENOMEM: \"addresses in the specified "
		     "range are not currently mapped\"); the kernel applies the "
		     "advice to the mapped parts before it reports the holes",
	.profile   = "linux",
	.covers    = "M4",
	.needs     = "madvise MADV_DONTNEED",
);

static const char *const layouts[] = { "m.m", ".m", "m." };

static void run(void)
{
	for (size_t row = 0; row < sizeof(layouts) / sizeof(layouts[0]); row++) {
		const char *layout = layouts[row];
		unsigned char *base = lay_out(layout);

		if (madvise(base, strlen(layout) * page_size, MADV_DONTNEED) == 0)
			FAIL("madvise(MADV_DONTNEED) of layout \"%s\" returned 0, "
			     "expected ENOMEM for its holes", layout);
		if (errno != ENOMEM)
			FAIL("madvise(MADV_DONTNEED) of layout \"%s\" failed with %s, "
			     "expected ENOMEM", layout, errno_name(errno));
		for (size_t i = 0; layout[i]; i++)
			if (layout[i] == 'm') {
				char what[48];

				snprintf(what, sizeof(what), "layout \"%s\" page %zu",
					 layout, i);
				mmapcts_check_zero_(MMAPCTS_HERE, what,
						    base + i * page_size, page_size);
			}
	}
}
