/*
 * Linux requires mprotect()'s address to be page-aligned: an address one
 * byte into a page fails with EINVAL.
 *
 * The range (one page from map + 1) lies inside a two-page mapping and
 * asks for a valid protection, so the alignment is the only thing wrong.
 * A kernel that rounded the address down and changed the page instead
 * returns 0 and fails.  POSIX only says an implementation "may" require
 * alignment (unaligned-addr-einval-or-whole-page is the POSIX case), so
 * this is a linux-profile case.
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "mprotect() with an address that is not a multiple of the page "
		     "size fails with EINVAL.",
	.spec      = "Linux mprotect(2): ERRORS: EINVAL (addr is \"not a multiple of "
		     "the system page size\"); POSIX.1-2024 mprotect(): ERRORS, may "
		     "fail: EINVAL",
	.profile   = "linux",
	.covers    = "H3",
);

static void run(void)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, 2 * page_size, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	CHECK_FAILS(mprotect(map + 1, page_size, PROT_READ), EINVAL);
}
