/*
 * mprotect() over a range that includes a page with no mapping fails with
 * ENOMEM, wherever in the range the unmapped page is.
 *
 * Three pages are mapped and one of them unmapped again: the first, the
 * middle, then the last (each on a fresh mapping), so the range is
 * page-aligned, the protection is valid, and the hole is the only thing
 * wrong with the call.  The three positions are found by different code
 * (Linux fails at once for the first, and deals with the mapped pages
 * before it notices the others).  An implementation that skipped the hole
 * and changed the mapped pages (returning 0), or that reported EINVAL or
 * EFAULT (older Linux did), fails.  POSIX lets the mapped pages be
 * changed or not when the call fails, so they are not checked here
 * (enomem-mapped-pages-old-or-new records what happens to them).
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "mprotect() of a range containing a page that is not mapped "
		     "(first, middle or last) fails with ENOMEM.",
	.spec      = "POSIX.1-2024 mprotect(): ERRORS, shall fail: ENOMEM (addresses "
		     "in the range \"specify one or more pages which are not "
		     "mapped\")",
	.profile   = "posix",
	.covers    = "H3",
);

static void run(void)
{
	static const char *const where[] = { "first", "middle", "last" };
	char what[80];

	for (size_t hole = 0; hole < 3; hole++) {
		unsigned char *map = pages_with_hole(3, hole);
		int failed = mprotect(map, 3 * page_size, PROT_READ) == -1;

		snprintf(what, sizeof(what), "mprotect() of 3 pages with the %s one unmapped",
			 where[hole]);
		mmapcts_check_fails_(MMAPCTS_HERE, what, failed, (const int[]){ ENOMEM, 0 });
	}
}
