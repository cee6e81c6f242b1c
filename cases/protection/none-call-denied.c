/*
 * Executing is an access too: calling a function that lies in a PROT_NONE
 * page does not complete.  POSIX forbids any access where PROT_NONE alone
 * has been set and names no signal, so the refusal is checked with
 * CHECK_CALL_DENIED (SIGSEGV or SIGBUS in the page, recorded);
 * none-call-faults is the Linux twin.
 *
 * The page holds a working function, so an implementation that let the
 * fetch through would return normally and fail here.  UNTESTED where
 * lib/code.c has no machine code for the architecture.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "A call into a page made PROT_NONE does not complete.",
	.spec      = "POSIX.1-2024 mprotect(): DESCRIPTION (\"no implementation shall "
		     "... permit any access where PROT_NONE alone has been set\")",
	.profile   = "posix",
	.covers_part = "A8",
);

static void run(void)
{
	unsigned char *code = function_page(42, PROT_NONE);

	CHECK_CALL_DENIED(code);
}
