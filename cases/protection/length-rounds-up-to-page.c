/*
 * A length that is not a multiple of the page size covers the whole page
 * holding the range's last byte, and no page after it: mprotect(addr,
 * page_size + 1, PROT_READ) makes two pages read-only and leaves the
 * third writable.
 *
 * The store probes go to the last byte of the second page (farthest from
 * the range's one byte in it) and the first byte of the third page (just
 * past it).  An implementation that truncated the length to whole pages
 * leaves the second page writable; one that rounded too far protects the
 * third; each fails.  POSIX names no signal for the refused store, so it
 * is checked with CHECK_WRITE_DENIED.
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "mprotect(addr, page_size + 1, PROT_READ) makes exactly the "
		     "two pages holding the range read-only.",
	.spec      = "POSIX.1-2024 mprotect(): DESCRIPTION (\"for those whole pages "
		     "containing any part of the address space of the process "
		     "starting at address addr and continuing for len bytes\")",
	.profile   = "posix",
);

static void run(void)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, 3 * page_size, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	SAFE_MPROTECT(map, page_size + 1, PROT_READ);

	CHECK_WRITE_DENIED(map + 2 * page_size - 1);
	CHECK_WRITE_OK(map + 2 * page_size, 1);
}
