/*
 * Linux locks PROT_NONE memory yet reports ENOMEM: mlock() of a PROT_NONE
 * mapping fails with ENOMEM (the pages cannot be faulted in), and still
 * the range is locked - VmLck grows by its length.  Catches a kernel that
 * refuses the range without locking it (NetBSD's behaviour) and one that
 * reports success for pages it could not make resident.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "mlock() of a PROT_NONE mapping fails with ENOMEM, and the "
		     "locked memory of the process (VmLck) has grown by its length.",
	.spec      = "Linux mlock(2): ERRORS, ENOMEM; mm/mlock.c (a range that cannot "
		     "be populated is ENOMEM); proc_pid_status(5): VmLck",
	.profile   = "linux",
	.covers    = "M10",
	.needs     = "mlock",
);

static void run(void)
{
	size_t len = 4 * page_size;
	void *map = SAFE_MAP_ANON(NULL, len, PROT_NONE, MAP_PRIVATE);
	const char *why = memlock_refusal_reason(len);
	long before = locked_kb();

	if (why)
		UNSUPPORTED("the lock of %zu bytes could be refused for the limit, "
			    "not for PROT_NONE: %s", len, why);
	CHECK_FAILS(mlock(map, len), ENOMEM);
	CHECK_EQ(locked_kb(), before + (long)(len / 1024));
}
