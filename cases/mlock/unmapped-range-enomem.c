/*
 * mlock() and munlock() of a range that is not all mapped fail with
 * ENOMEM: three pages whose middle one was unmapped.  Whether the mapped
 * page before the hole was locked all the same is recorded
 * (locked_before_hole).  Catches a kernel that locks or unlocks what is
 * mapped, skips the hole and reports success.
 */
#include "mlock.h"

MMAPCTS_CASE(
	.assertion = "mlock() and munlock() of a range with an unmapped page in it "
		     "fail with ENOMEM.",
	.spec      = "POSIX.1-2024 mlock(), munlock(): ERRORS, ENOMEM",
	.profile   = "posix",
	.covers    = "M12",
	.needs     = "mlock",
);

static void run(void)
{
	size_t len = 3 * page_size;
	unsigned char *map = SAFE_MAP_ANON(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	const char *why = memlock_refusal_reason(len);

	if (why)
		UNSUPPORTED("the lock of %zu bytes could be refused for the limit, "
			    "not for the hole: %s", len, why);
	SAFE_MUNMAP(map + page_size, page_size);
	long before = self_status_kb("VmLck");

	CHECK_FAILS(mlock(map, len), ENOMEM);
	long after = self_status_kb("VmLck");
	OBSERVE("locked_before_hole", "%s", before < 0 ? "unknown" : after > before ? "yes" : "no");
	CHECK_FAILS(munlock(map, len), ENOMEM);
}
