/*
 * PROT_WRITE alone is a protection every implementation supports, and it
 * permits stores: mprotect(PROT_WRITE) succeeds and a store to the page
 * completes and lands in the page.
 *
 * The store is probed under PROT_WRITE; the page is then made PROT_READ
 * to read the byte back, since PROT_WRITE alone need not permit reading
 * (write-only-read-permitted-or-refused records that).  An
 * implementation that refused PROT_WRITE alone, treated it as PROT_NONE
 * (the store faults) or lost the store fails.
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "mprotect(PROT_WRITE) succeeds and a store to the page then "
		     "completes and is kept.",
	.spec      = "POSIX.1-2024 mprotect(): DESCRIPTION (\"Implementations shall "
		     "support at least the following values of prot: PROT_NONE, "
		     "PROT_READ, PROT_WRITE, ...\")",
	.profile   = "posix",
	.covers_part = "A6",
);

static void run(void)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, page_size, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	CHECK_OK(mprotect(map, page_size, PROT_WRITE));
	CHECK_WRITE_OK(map + 5, 0xa5);

	SAFE_MPROTECT(map, page_size, PROT_READ);
	CHECK_EQ(map[5], 0xa5);
}
