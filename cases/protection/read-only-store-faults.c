/*
 * A page whose protection is PROT_READ can be read, and a store to it
 * raises SIGSEGV with si_code SEGV_ACCERR and does not change the page.
 *
 * The page is written while it is still writable and only then made
 * read-only, so the kernel has to take write access away from a page that
 * is present and dirty, the harder path: a kernel that changed only the
 * mapping's flags and left the existing page table entry writable (or a
 * stale writable TLB entry) lets the store through and fails here.
 * POSIX forbids the store from succeeding but does not name the signal;
 * SIGSEGV with SEGV_ACCERR is what Linux promises, hence the linux profile
 * (the POSIX twin is read-only-store-denied).
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "After mprotect(PROT_READ), a read of the page succeeds and a "
		     "store raises SIGSEGV with si_code SEGV_ACCERR, leaving the "
		     "page unchanged.",
	.spec      = "Linux mprotect(2): DESCRIPTION (an access that violates the "
		     "protections generates SIGSEGV); POSIX.1-2024 mprotect(): "
		     "DESCRIPTION (no write shall succeed where PROT_WRITE has not "
		     "been set); <signal.h>: SEGV_ACCERR",
	.profile   = "linux",
	.covers    = "H2",
);

static void run(void)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, page_size, PROT_READ,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	CHECK_READ_OK(map);
	CHECK_WRITE_FAULTS(map, SIGSEGV, SEGV_ACCERR);
	CHECK_PATTERN(map, 0, page_size);
}
