/*
 * A page whose protection is PROT_EXEC alone can be executed: a function
 * copied into it while it was writable runs and returns its value.
 *
 * POSIX does not oblige an implementation to support PROT_EXEC alone
 * (it "shall fail" for a combination it cannot support, with ENOTSUP):
 * then the case is UNSUPPORTED (UNTESTED where lib/code.c has no
 * machine code for the architecture; see set_prot() for EACCES).  An implementation that accepted
 * the protection but left the page unexecutable (for instance one that
 * builds execute-only pages from a protection key and gets the key's
 * rights wrong, refusing the instruction fetch too) fails with the fault
 * the call raised.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "A function copied into a page that is then made PROT_EXEC "
		     "alone runs and returns its value.",
	.spec      = "POSIX.1-2024 mprotect(): DESCRIPTION (prot determines whether "
		     "... execute ... accesses are permitted); <sys/mman.h>: "
		     "PROT_EXEC (\"Page can be executed\")",
	.profile   = "posix",
	.covers    = "H4",
);

static void run(void)
{
	unsigned char *code = function_page(42, PROT_EXEC);

	CHECK_CALL_RETURNS(code, 42);
}
