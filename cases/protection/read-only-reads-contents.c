/*
 * PROT_READ permits reading: after mprotect(PROT_READ), every byte of the
 * pages reads back as it was stored.
 *
 * Two pages are filled with the pattern while writable, then made
 * read-only.  The read is probed first (a kernel that made the pages
 * inaccessible fails with the fault it raised instead of crashing), then
 * every byte is compared: a kernel that dropped the dirty anonymous pages
 * when write access went away (handing back zero pages) or mixed up the
 * pages fails on the pattern.
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "After mprotect(PROT_READ), the pages can be read and hold "
		     "the bytes stored before.",
	.spec      = "POSIX.1-2024 mprotect(): DESCRIPTION (prot determines whether "
		     "read ... accesses are permitted; PROT_READ must be supported)",
	.profile   = "posix",
);

static void run(void)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, 2 * page_size, PROT_READ,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	CHECK_READ_OK(map + page_size);
	CHECK_PATTERN(map, 0, 2 * page_size);
}
