/*
 * mprotect() over a range that includes a page with no mapping fails with
 * ENOMEM.
 *
 * Three pages are mapped and the middle one unmapped, so the range is
 * page-aligned, the protection is valid, and the hole is the only thing
 * wrong with the call.  An implementation that skipped the hole and
 * changed the mapped pages (returning 0), or that reported EINVAL or
 * EFAULT (older Linux did), fails.  POSIX lets the pages around the hole
 * be changed or not when the call fails, so they are not checked.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "mprotect() of a range containing a page that is not mapped "
		     "fails with ENOMEM.",
	.spec      = "POSIX.1-2024 mprotect(): ERRORS, shall fail: ENOMEM (addresses "
		     "in the range \"specify one or more pages which are not "
		     "mapped\")",
	.profile   = "posix",
);

static void run(void)
{
	unsigned char *map = SAFE_MMAP(NULL, 3 * page_size, PROT_READ | PROT_WRITE,
				       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	SAFE_MUNMAP(map + page_size, page_size);

	CHECK_FAILS(mprotect(map, 3 * page_size, PROT_READ), ENOMEM);
}
