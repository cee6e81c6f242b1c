/*
 * An instruction fetch from a page munmap() removed raises SIGSEGV with
 * si_code SEGV_MAPERR, as a read or a store there does
 * (removed-pages-fault): the page held a function and was executable,
 * and the call into it ran once before the unmap; afterwards the call
 * faults in that page.  A kernel that keeps a stale executable
 * translation (the instruction TLB not flushed by the unmap) runs the old
 * code again and fails; one that reports the fetch as SEGV_ACCERR (a
 * mapping left behind without access) fails on the si_code.  Where the
 * suite has no machine code for this CPU the case is UNTESTED.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "After munmap() of an executable page holding a function that "
		     "ran, a call into it raises SIGSEGV with si_code SEGV_MAPERR.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (\"Further references to "
		     "these pages shall result in the generation of a SIGSEGV "
		     "signal\"); <signal.h>: SEGV_MAPERR (address not mapped to object)",
	.profile   = "posix",
	.covers    = "G2",
);

static void run(void)
{
	unsigned char *code = function_page(42, PROT_READ | PROT_EXEC);

	require_call_returns(code, 42);
	SAFE_MUNMAP(code, page_size);

	CHECK_CALL_FAULTS(code, SIGSEGV, SEGV_MAPERR);
}
