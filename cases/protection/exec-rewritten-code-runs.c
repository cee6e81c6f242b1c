/*
 * Executable memory can be rewritten: a page that ran one function, made
 * writable again, overwritten with another function and made executable
 * again runs the new function.
 *
 * The first call fills the instruction cache and the TLB with the old
 * code and an executable entry.  mprotect() must invalidate whatever
 * mapping state it changes, and the program flushes the instruction cache
 * for the bytes it rewrote (__builtin___clear_cache); an implementation
 * that kept a stale executable translation, or that copied the page on
 * the write instead of changing it in place (the call still running the
 * old copy), returns 42 instead of 77 and fails.
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "After a PROT_EXEC page is made writable, rewritten with a new "
		     "function and made PROT_READ | PROT_EXEC again, a call runs the "
		     "new function.",
	.spec      = "POSIX.1-2024 mprotect(): DESCRIPTION (\"shall change the access "
		     "protections to be that specified by prot\"); <sys/mman.h>: "
		     "PROT_EXEC",
	.profile   = "posix",
	.covers_part = "H4",
);

static void run(void)
{
	unsigned char *code = function_page(42, PROT_READ | PROT_EXEC);

	require_call_returns(code, 42);

	SAFE_MPROTECT(code, page_size, PROT_READ | PROT_WRITE);
	put_function(code, 77);
	set_prot(code, page_size, PROT_READ | PROT_EXEC);

	CHECK_CALL_RETURNS(code, 77);
}
