/*
 * A store to a page whose protection is PROT_READ does not succeed, and
 * the page keeps its bytes.  POSIX: "no implementation shall permit a
 * write to succeed where PROT_WRITE has not been set", with no signal
 * named, so the refusal is checked with CHECK_WRITE_DENIED;
 * read-only-store-faults is the Linux twin (SIGSEGV, SEGV_ACCERR).
 *
 * The page is written while writable and only then made read-only, so
 * the kernel has to take write access away from a present, dirty entry:
 * one that changed only its bookkeeping (or left a stale writable TLB
 * entry) lets the store through and fails.
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "After mprotect(PROT_READ), a store to the page does not "
		     "complete and the page keeps its contents.",
	.spec      = "POSIX.1-2024 mprotect(): DESCRIPTION (\"no implementation shall "
		     "permit a write to succeed where PROT_WRITE has not been set\")",
	.profile   = "posix",
	.covers_part = "H2",
);

static void run(void)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, page_size, PROT_READ,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	CHECK_WRITE_DENIED(map + page_size / 2);
	CHECK_PATTERN(map, 0, page_size);
}
