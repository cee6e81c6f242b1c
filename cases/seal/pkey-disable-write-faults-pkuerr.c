/*
 * A store to a page tagged with a key whose rights include
 * PKEY_DISABLE_WRITE raises SIGSEGV with si_code SEGV_PKUERR and si_pkey
 * the key, while reads still work; pkey_set() back to 0 allows the store,
 * and pkey_free() releases the key.  It catches a pkey_mprotect() that
 * ignores the key (the store completes) and a kernel that reports the
 * fault as SEGV_ACCERR or without the key.  UNSUPPORTED where the CPU has
 * no protection keys.
 */
#include "seal.h"

MMAPCTS_CASE(
	.assertion = "With PKEY_DISABLE_WRITE on a page's key, a store raises SIGSEGV "
		     "with SEGV_PKUERR and si_pkey the key, a read works, and rights 0 "
		     "allow the store again.",
	.spec      = "Linux pkeys(7); pkey_alloc(2); sigaction(2): SEGV_PKUERR, si_pkey",
	.profile   = "linux",
	.needs     = "pkey_alloc",
	.covers    = "O2",
);

static void run(void)
{
	int key = ALLOC_PKEY(PKEY_DISABLE_WRITE);
	unsigned char *map = KEYED_PAGE(key);

	CHECK_PKEY_DENIES(map, 1, key);
	CHECK_PKEY_ALLOWS(map, 0, key);
	CHECK_INTACT(map, 0, 1);
	SET_PKEY(key, 0);
	CHECK_PKEY_ALLOWS(map, 1, key);
	CHECK_OK(pkey_mprotect(map, page_size, PROT_READ | PROT_WRITE, 0));
	CHECK_OK(pkey_free(key));
}
