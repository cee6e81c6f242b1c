/*
 * The protection-key calls check their arguments whether or not the CPU
 * has keys: pkey_alloc() with non-zero flags or unknown rights bits, and
 * pkey_free() or pkey_mprotect() of a key that was never allocated, fail
 * with EINVAL.  It catches a wrapper or kernel that accepts them (hands
 * out or frees keys it does not own, or tags memory with a stray key).
 * A kernel built without protection keys (no CONFIG_ARCH_HAS_PKEYS: 32-bit
 * x86, riscv, s390, arm64 before POE) has none of the three calls: each
 * answers ENOSYS (kernel/sys_ni.c), which is UNSUPPORTED only when all
 * three say it.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "pkey_alloc() with flags other than 0 or rights outside "
		     "PKEY_DISABLE_ACCESS|PKEY_DISABLE_WRITE, and pkey_free() and "
		     "pkey_mprotect() of an unallocated key, fail with EINVAL.",
	.spec      = "Linux pkey_alloc(2): ERRORS (EINVAL: pkey, flags, or access_rights "
		     "is invalid); mprotect(2): pkey_mprotect() EINVAL (pkey not allocated)",
	.profile   = "linux",
	.needs     = "pkey_alloc",
	.covers    = "O2",
);

static void run(void)
{
	unsigned char *map = SAFE_MAP_ANON(NULL, page_size, PROT_READ | PROT_WRITE,
					   MAP_PRIVATE);
	int never = 15;		/* the highest key x86 has; this process allocated none */

	if (pkey_alloc(0, 0) < 0 && errno == ENOSYS && pkey_free(never) < 0 && errno == ENOSYS &&
	    pkey_mprotect(map, page_size, PROT_READ | PROT_WRITE, never) < 0 && errno == ENOSYS)
		UNSUPPORTED("this kernel has no protection-key system calls: pkey_alloc(), "
			    "pkey_free() and pkey_mprotect() fail with ENOSYS");
	CHECK_FAILS(pkey_alloc(1, 0), EINVAL);
	CHECK_FAILS(pkey_alloc(0, 0x100), EINVAL);
	CHECK_FAILS(pkey_free(never), EINVAL);
	CHECK_FAILS(pkey_mprotect(map, page_size, PROT_READ, never), EINVAL);
	CHECK_WRITE_OK(map, 1);	/* the refused call changed nothing */
}
