/*
 * PROT_EXEC alone may permit reads: many MMUs cannot make a page
 * executable without making it readable.  Which one this system does is
 * recorded as exec_only_read; what is asserted is that the read is one of
 * the coherent outcomes: it returns the byte stored in the page, or it
 * raises SIGSEGV in the page with SEGV_ACCERR, or with SEGV_PKUERR where
 * Linux builds execute-only memory from a protection key (x86 with PKU,
 * pkeys(7)).
 *
 * Fails under an implementation that returns other data for the read
 * (the executable view backed by another frame than the stored bytes),
 * or refuses it with SIGBUS or SEGV_MAPERR.
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "A read of a PROT_EXEC-only page either returns the page's "
		     "contents or raises SIGSEGV with si_code SEGV_ACCERR (or "
		     "SEGV_PKUERR for a protection-key execute-only page).",
	.spec      = "POSIX.1-2024 mprotect(): DESCRIPTION (\"An implementation may "
		     "permit accesses other than those specified by prot\"); Linux "
		     "mprotect(2): DESCRIPTION (SIGSEGV); Linux pkeys(7): "
		     "execute-only memory",
	.profile   = "linux",
);

static void run(void)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, page_size, PROT_EXEC,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	CHECK_READ_PERMITTED_OR_REFUSED("exec_only_read", map + 9, pattern_byte(9),
					SEGV_ACCERR, EXEC_ONLY_KEY_SI_CODE);
}
