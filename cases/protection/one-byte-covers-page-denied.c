/*
 * mprotect() works on whole pages: a range of one byte takes write access
 * away from the entire page that holds it.
 *
 * The range is the first byte of a writable page and the store goes to
 * the page's last byte, the one farthest from the range.  An
 * implementation that protected only part of the page, or rounded the
 * length down to whole pages and changed nothing, lets the store through
 * and fails.  POSIX names no signal for the refused store, so it is
 * checked with CHECK_WRITE_DENIED; one-byte-covers-page is the Linux twin.
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "mprotect(addr, 1, PROT_READ) makes the whole page at addr "
		     "read-only: a store to its last byte does not complete.",
	.spec      = "POSIX.1-2024 mprotect(): DESCRIPTION (\"for those whole pages "
		     "containing any part of the address space\")",
	.profile   = "posix",
);

static void run(void)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, page_size, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	SAFE_MPROTECT(map, 1, PROT_READ);

	CHECK_WRITE_DENIED(map + page_size - 1);
}
