/*
 * Anonymous memory mapped PROT_NONE cannot be read or written: each access
 * raises SIGSEGV with si_code SEGV_ACCERR (the address is mapped, the
 * access is not allowed), si_addr in the page.  Both probes go to a page
 * that was never touched, and the write probe to another page than the read
 * probe, so neither access can be excused by the other having populated
 * the page.  A kernel that ignores PROT_NONE for anonymous memory (the
 * access completes) or reports it as unmapped (SEGV_MAPERR) fails.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "Reading or writing MAP_ANONYMOUS memory mapped PROT_NONE "
		     "raises SIGSEGV with si_code SEGV_ACCERR.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, PROT_NONE (\"shall not "
		     "permit any access\", Memory Protection option); <signal.h>: "
		     "SEGV_ACCERR",
	.profile   = "posix",
);

static void run(void)
{
	unsigned char *p = SAFE_MMAP(NULL, 2 * page_size, PROT_NONE,
				     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK_READ_FAULTS(p, SIGSEGV, SEGV_ACCERR);
	CHECK_WRITE_FAULTS(p + page_size, SIGSEGV, SEGV_ACCERR);
}
