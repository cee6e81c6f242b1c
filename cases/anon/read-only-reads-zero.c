/*
 * Private anonymous memory mapped PROT_READ only reads as zero on every
 * page.  Such memory can never be written, so a kernel serves every page
 * of it from the read-fault path alone (on Linux, the one shared zero
 * page); a kernel whose read path maps anything but zero there - a zero
 * page that some earlier bug dirtied, an uncleared frame - fails with the
 * offset of the first non-zero byte.  Read-write memory read before any
 * store is anon/zero-filled-many-pages.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "Every byte of a new MAP_PRIVATE|MAP_ANONYMOUS mapping with "
		     "PROT_READ only reads as zero.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_ANONYMOUS (anonymous "
		     "memory is initialized to all bits zero), PROT_READ",
	.profile   = "posix",
	.covers_part = "A1",
);

static void run(void)
{
	size_t len = 8 * page_size;
	unsigned char *p = SAFE_MMAP(NULL, len, PROT_READ,
				     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK_ZERO(p, len);
}
