/*
 * A range sealed with mseal() refuses every call that would change or
 * discard it with EPERM, and its pages stay mapped with their data: one
 * variant per call (munmap, mremap, mprotect, mmap MAP_FIXED over it, and
 * MADV_DONTNEED, which discards read-only private anonymous pages).  It
 * catches an mseal() that returns 0 without sealing (a stub wrapper), and a
 * kernel or wrapper that lets the call through or reports success for it.
 */
#include "seal.h"

MMAPCTS_CASE(
	.assertion = "On a range sealed with mseal(), munmap(), mremap(), mprotect(), "
		     "mmap(MAP_FIXED) over it and madvise(MADV_DONTNEED) of read-only "
		     "private anonymous pages fail with EPERM and leave the data intact.",
	.spec      = "Linux mseal(2) / Documentation/userspace-api/mseal.rst: blocked "
		     "operations on a sealed mapping fail with EPERM",
	.profile   = "linux",
	.covers    = "O1",
	.variants  = "munmap mremap mprotect map-fixed dontneed",
);

static void run(void)
{
	size_t npages = 2, len = npages * page_size;
	unsigned char *map = SEALED_PATTERN(npages, PROT_READ);

	if (variant_is("munmap"))
		CHECK_FAILS(munmap(map, len), EPERM);
	else if (variant_is("mremap"))
		CHECK_MAP_FAILS(mremap(map, len, 2 * len, MREMAP_MAYMOVE), EPERM);
	else if (variant_is("mprotect"))
		CHECK_FAILS(mprotect(map, len, PROT_READ | PROT_WRITE), EPERM);
	else if (variant_is("map-fixed"))
		CHECK_MAP_FAILS(mmap(map, len, PROT_READ | PROT_WRITE,
				     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0), EPERM);
	else
		CHECK_FAILS(madvise(map, len, MADV_DONTNEED), EPERM);
	CHECK_INTACT(map, 0, npages);
}
