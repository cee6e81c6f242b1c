/*
 * No access at all succeeds on a page whose protection is PROT_NONE: a
 * read and a store are both refused.  POSIX forbids "any access where
 * PROT_NONE alone has been set" but names no signal, so the refusal is
 * checked with CHECK_*_DENIED (SIGSEGV or SIGBUS in the page, recorded);
 * none-access-faults is the Linux twin that asserts SIGSEGV/SEGV_ACCERR.
 *
 * The page is written before mprotect() takes all access away, so the
 * kernel must revoke a present, dirty, writable entry.  A kernel that
 * treated PROT_NONE as "read-only" (keeping the present entry readable),
 * or that ignored the call, completes the read and fails.
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "After mprotect(PROT_NONE), neither a read nor a store of the "
		     "page completes.",
	.spec      = "POSIX.1-2024 mprotect(): DESCRIPTION (\"no implementation shall "
		     "... permit any access where PROT_NONE alone has been set\")",
	.profile   = "posix",
	.covers_part = "H5",
);

static void run(void)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, page_size, PROT_NONE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	CHECK_READ_DENIED(map);
	CHECK_WRITE_DENIED(map + page_size - 1);
}
