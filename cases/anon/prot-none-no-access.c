/*
 * Anonymous memory mapped PROT_NONE cannot be read or written: each access
 * raises SIGSEGV with si_code SEGV_ACCERR (the address is mapped, the
 * access is not allowed), si_addr in the page.  Both probes go to a page
 * that was never touched, and the write probe to another page than the read
 * probe, so neither access can be excused by the other having populated
 * the page.  A kernel that ignores PROT_NONE for anonymous memory (the
 * access completes) or reports it as unmapped (SEGV_MAPERR) fails.
 * POSIX forbids both accesses but does not name the signal (that rule is
 * anon/prot-none-access-denied); SIGSEGV with SEGV_ACCERR is what Linux
 * promises, hence the linux profile.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "Reading or writing MAP_ANONYMOUS memory mapped PROT_NONE "
		     "raises SIGSEGV with si_code SEGV_ACCERR.",
	.spec      = "Linux mmap(2): PROT_NONE (pages may not be accessed) and "
		     "SIGSEGV; POSIX.1-2024 <signal.h>: SEGV_ACCERR (invalid "
		     "permissions for mapped object)",
	.profile   = "linux",
	.covers    = "A7 H5",
);

static void run(void)
{
	unsigned char *p = SAFE_MMAP(NULL, 2 * page_size, PROT_NONE,
				     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK_READ_FAULTS(p, SIGSEGV, SEGV_ACCERR);
	CHECK_WRITE_FAULTS(p + page_size, SIGSEGV, SEGV_ACCERR);
}
