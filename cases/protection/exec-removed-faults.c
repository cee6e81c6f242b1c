/*
 * Taking PROT_EXEC away takes effect at once: a page that has just run a
 * function, made PROT_READ by mprotect(), raises SIGSEGV with SEGV_ACCERR
 * when the function is called again.
 *
 * The first call leaves an executable translation in the TLB; a kernel
 * that changed the page table entry without flushing it (or changed only
 * its bookkeeping) runs the function again and fails.  As in
 * exec-missing-faults, the fault is asserted only where the machine is
 * known to enforce PROT_EXEC (x86 with NX, aarch64, 64-bit Power,
 * RISC-V, s390x with facility 130: exec_not_enforced_reason()); elsewhere
 * the outcome is recorded and the case is UNTESTED.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "After mprotect(PROT_READ) of a page that executed a "
		     "function, calling the function raises SIGSEGV with si_code "
		     "SEGV_ACCERR.",
	.spec      = "Linux mprotect(2): DESCRIPTION (a violating access generates "
		     "SIGSEGV); POSIX.1-2024 mprotect(): DESCRIPTION; <signal.h>: "
		     "SEGV_ACCERR",
	.profile   = "linux",
	.covers    = "H4",
);

static void run(void)
{
	unsigned char *code = function_page(42, PROT_READ | PROT_EXEC);

	require_call_returns(code, 42);
	SAFE_MPROTECT(code, page_size, PROT_READ);

	CHECK_CALL_FAULTS_WHERE_ENFORCED(code);
}
