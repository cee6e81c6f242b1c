/*
 * A page whose protection is PROT_NONE cannot be executed either: calling
 * a function that lies in it raises SIGSEGV with si_code SEGV_ACCERR and
 * si_addr in the page (it is mapped; only access is refused).
 *
 * The page first holds a working function (written while writable, the
 * instruction cache flushed), so a kernel that left the page executable
 * would run it, return normally and fail here, rather than crash on
 * garbage.  Linux promises SIGSEGV for an access that violates the
 * protection, whatever the hardware: PROT_NONE pages are not present to
 * the MMU at all, so even machines without an execute-permission bit
 * refuse the fetch.  UNTESTED where lib/code.c has no machine code.
 * none-call-denied is the POSIX twin.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "Calling a function in a page made PROT_NONE raises SIGSEGV "
		     "with si_code SEGV_ACCERR.",
	.spec      = "Linux mprotect(2): DESCRIPTION (PROT_NONE: the memory cannot be "
		     "accessed at all; a violating access generates SIGSEGV); "
		     "<signal.h>: SEGV_ACCERR",
	.profile   = "linux",
	.covers    = "H5",
);

static void run(void)
{
	unsigned char *code = function_page(42, PROT_NONE);

	CHECK_CALL_FAULTS(code, SIGSEGV, SEGV_ACCERR);
}
