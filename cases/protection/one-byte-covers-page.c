/*
 * mprotect() works on whole pages: a range of one byte changes the
 * protection of the entire page that holds it.
 *
 * The range is the first byte of a writable page; the store is probed at
 * the page's last byte, the one farthest from the range.  An
 * implementation that protected only part of the page, or rounded the
 * length down to whole pages and changed nothing, lets that store through
 * and fails.  The rule is POSIX; observing it relies on the signal Linux
 * promises for a refused store (SIGSEGV, SEGV_ACCERR), hence the linux
 * profile (the POSIX twin is one-byte-covers-page-denied).
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "mprotect(addr, 1, PROT_READ) makes the whole page at addr "
		     "read-only: a store to its last byte raises SIGSEGV with "
		     "si_code SEGV_ACCERR.",
	.spec      = "POSIX.1-2024 mprotect(): DESCRIPTION (\"for those whole pages "
		     "containing any part of the address space\"); Linux "
		     "mprotect(2): DESCRIPTION (SIGSEGV on a violating access)",
	.profile   = "linux",
);

static void run(void)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, page_size, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	SAFE_MPROTECT(map, 1, PROT_READ);

	CHECK_WRITE_FAULTS(map + page_size - 1, SIGSEGV, SEGV_ACCERR);
}
