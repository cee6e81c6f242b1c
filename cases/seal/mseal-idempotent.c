/*
 * mseal() of a mapped, page-aligned range returns 0, and sealing it again,
 * whole or in part, returns 0 too and keeps it sealed.  It catches a kernel
 * that refuses to seal a sealed range (EPERM, as for the calls a seal
 * blocks) and one whose second call undoes the first.
 */
#include "seal.h"

MMAPCTS_CASE(
	.assertion = "mseal() of a mapped range returns 0; sealing it again, whole or in "
		     "part, returns 0 and the range stays sealed (munmap() gives EPERM).",
	.spec      = "Linux mseal(2) / Documentation/userspace-api/mseal.rst: \"mseal() "
		     "on an already sealed memory is a no-action (not error)\"",
	.profile   = "linux",
	.covers    = "O1",
);

static void run(void)
{
	size_t len = 2 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(reserve(len), len, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, NULL);
	int first = sys_mseal(map, len, 0);

	if (first < 0 && errno == ENOSYS)
		FEATURE_REFUSED("mseal()", "6.10", errno);
	CHECK_OK(first);	/* what SAFE_MSEAL() relies on */
	CHECK_OK(sys_mseal(map, len, 0));
	CHECK_OK(sys_mseal(map + page_size, page_size, 0));
	CHECK_FAILS(munmap(map, len), EPERM);
	CHECK_INTACT(map, 0, 2);
}
