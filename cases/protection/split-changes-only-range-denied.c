/*
 * mprotect() on one page of a mapping changes that page and no other: the
 * mapping is split, and the other pages keep write access.  The changed
 * page is the first, the middle and the last of a three-page mapping in
 * turn (each on a fresh mapping): the head, the middle and the tail are
 * split by different code (on Linux one new mapping for an end, two for
 * the middle).
 *
 * A store to the changed page must not complete; stores to the first and
 * last bytes of the other pages must.  An implementation that can only
 * protect whole mappings fails on the other pages; one that ignored the
 * partial request fails on the changed one.  POSIX names no signal for
 * the refused store, so it is checked as denied (SIGSEGV or SIGBUS);
 * split-changes-only-range is the Linux twin for the middle page.
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "mprotect(PROT_READ) of the first, middle or last page of a "
		     "writable mapping makes that page refuse stores and leaves the "
		     "other pages writable.",
	.spec      = "POSIX.1-2024 mprotect(): DESCRIPTION (changes the protections "
		     "of the whole pages containing any part of [addr, addr+len))",
	.profile   = "posix",
	.covers_part = "H6",
);

static void run(void)
{
	char what[64];

	for (size_t which = 0; which < 3; which++) {
		unsigned char *map = three_pages_one_read_only(which);
		unsigned char *page = map + which * page_size;

		snprintf(what, sizeof(what), "page %zu of 3 made PROT_READ", which);
		mmapcts_check_denied_(MMAPCTS_HERE, what, "write",
				      probe_write(page + page_size / 2, 0x5a), page);
		CHECK_PAGES_WRITABLE(map, 3, which);
	}
}
