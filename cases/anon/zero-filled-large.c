/*
 * A large private anonymous mapping (32 MiB, a multiple of every common
 * huge page size up to 32 MiB) reads as zero on every page.  Large
 * mappings take paths small ones do not: huge or multi-page folios, a huge
 * zero page, page tables allocated on the way, lazily committed
 * reservations.  The whole mapping is read, byte by byte, before any
 * store, so a kernel that maps a stale or wrongly-filled (huge) page
 * anywhere in it fails with the offset of the first non-zero byte.  Zero
 * beside stores in a large mapping (the write-fault path) is
 * anon/large-zero-beside-stores.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "Every byte of a new 32 MiB MAP_PRIVATE|MAP_ANONYMOUS "
		     "mapping reads as zero.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_ANONYMOUS (anonymous "
		     "memory is initialized to all bits zero)",
	.profile   = "posix",
	.covers_part = "A1",
);

static void run(void)
{
	size_t len = (size_t)32 << 20;
	unsigned char *p = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE,
				     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK_ZERO(p, len);
}
