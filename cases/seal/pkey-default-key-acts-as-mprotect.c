/*
 * pkey_mprotect() with key -1 is mprotect(): it returns 0 and the new
 * protection holds (a store to a page made read-only faults SEGV_ACCERR),
 * with or without protection keys in the CPU.  It catches a wrapper or
 * kernel that takes -1 for an unallocated key and refuses it with EINVAL.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "pkey_mprotect(addr, len, prot, -1) returns 0 and changes the "
		     "protection as mprotect() does.",
	.spec      = "Linux mprotect(2): NOTES (pkey_mprotect() with a pkey of -1 "
		     "behaves as mprotect()); pkeys(7)",
	.profile   = "linux",
	.needs     = "pkey_alloc",
	.covers    = "O2",
);

static void run(void)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, page_size, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	CHECK_OK(pkey_mprotect(map, page_size, PROT_READ, -1));
	CHECK_WRITE_FAULTS(map, SIGSEGV, SEGV_ACCERR);
	CHECK_INTACT(map, 0, 1);
}
