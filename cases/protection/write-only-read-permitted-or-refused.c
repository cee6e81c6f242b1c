/*
 * PROT_WRITE alone may permit reads ("an implementation may permit
 * accesses other than those specified by prot"): on most MMUs a writable
 * page is also readable (Linux mmap(2): on some architectures PROT_WRITE
 * implies PROT_READ).  Which one this system does is recorded as
 * write_only_read; what is asserted is that the read is one of the two
 * coherent outcomes: it returns the byte stored in the page, or it raises
 * SIGSEGV with SEGV_ACCERR in the page (Linux's signal for an access the
 * protection forbids).
 *
 * Fails under an implementation that returns stale or zeroed data for the
 * read (a write-only page backed by a different frame than the data), or
 * refuses it with another signal or SEGV_MAPERR.
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "A read of a PROT_WRITE-only page either returns the page's "
		     "contents or raises SIGSEGV with si_code SEGV_ACCERR.",
	.spec      = "POSIX.1-2024 mprotect(): DESCRIPTION (\"An implementation may "
		     "permit accesses other than those specified by prot\"); Linux "
		     "mmap(2): DESCRIPTION; Linux mprotect(2): DESCRIPTION (SIGSEGV)",
	.profile   = "linux",
	.covers_part = "A6",
);

static void run(void)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, page_size, PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	CHECK_READ_PERMITTED_OR_REFUSED("write_only_read", map + 9, pattern_byte(9),
					SEGV_ACCERR, SEGV_ACCERR);
}
