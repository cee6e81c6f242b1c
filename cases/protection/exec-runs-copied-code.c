/*
 * PROT_EXEC makes a page executable: a function copied into a writable
 * page, which mprotect() then makes PROT_READ | PROT_EXEC, runs and
 * returns its value.
 *
 * This is the sequence every JIT compiler relies on (write, flush the
 * instruction cache with __builtin___clear_cache, make executable, call).
 * An implementation that accepted the protection but left the page
 * non-executable faults and fails; one that executed stale contents
 * returns another value and fails.  UNTESTED where lib/code.c has no
 * machine code for the architecture; UNSUPPORTED where the system refuses
 * executable anonymous memory (POSIX lets mprotect() fail with ENOTSUP
 * for a combination it cannot support) or a security policy in force
 * does (set_prot() probes for one; EACCES with none in force fails).
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "A function copied into a page that mprotect() then makes "
		     "PROT_READ | PROT_EXEC runs and returns its value.",
	.spec      = "POSIX.1-2024 mprotect(): DESCRIPTION (prot determines whether "
		     "... execute ... accesses are permitted); <sys/mman.h>: "
		     "PROT_EXEC (\"Page can be executed\")",
	.profile   = "posix",
	.covers    = "H4",
	.covers_part = "A8",
);

static void run(void)
{
	unsigned char *code = function_page(42, PROT_READ | PROT_EXEC);

	CHECK_CALL_RETURNS(code, 42);
}
