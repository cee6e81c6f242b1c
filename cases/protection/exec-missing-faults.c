/*
 * Where the hardware can refuse instruction fetches, a page without
 * PROT_EXEC is not executable: calling a function that lies in a
 * PROT_READ | PROT_WRITE page raises SIGSEGV with SEGV_ACCERR, si_addr in
 * the page.
 *
 * POSIX lets an implementation permit execution anyway ("may permit
 * accesses other than those specified"), so the rule is Linux's: it sets
 * the no-execute bit of pages mapped without PROT_EXEC wherever the MMU
 * has one.  The case asserts the fault only where it knows the machine
 * has such a bit and Linux uses it (exec_not_enforced_reason() in
 * lib/code.c): x86_64 and i386 with the NX flag in /proc/cpuinfo,
 * aarch64, 64-bit Power and RISC-V (architectural), s390x with the
 * instruction-execution-protection facility (130) and no noexec=off, all
 * without the READ_IMPLIES_EXEC personality.  Elsewhere it records what the
 * call did (call_without_prot_exec) and is UNTESTED.  A kernel that
 * mapped data pages executable (or lost NX when it copied the entry)
 * runs the function and fails.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "On hardware with no-execute support, calling a function in a "
		     "page without PROT_EXEC raises SIGSEGV with si_code "
		     "SEGV_ACCERR.",
	.spec      = "Linux mprotect(2): DESCRIPTION (PROT_EXEC: the memory can be "
		     "executed; a violating access generates SIGSEGV); POSIX.1-2024 "
		     "mprotect(): DESCRIPTION; <signal.h>: SEGV_ACCERR",
	.profile   = "linux",
	.covers    = "A8",
);

static void run(void)
{
	unsigned char *code = function_page(42, PROT_READ | PROT_WRITE);

	CHECK_CALL_FAULTS_WHERE_ENFORCED(code);
}
