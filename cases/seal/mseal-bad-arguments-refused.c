/*
 * mseal() checks its arguments: non-zero flags and an unaligned address
 * give EINVAL, a range with unmapped pages gives ENOMEM - one error per
 * call, each on a range that would otherwise be sealed.  It catches a
 * wrapper or kernel that ignores the flags (so a future flag would be
 * silently dropped), rounds the address down, or seals what is mapped of a
 * range with a hole.
 */
#include "seal.h"

MMAPCTS_CASE(
	.assertion = "mseal() with non-zero flags or an unaligned address fails with "
		     "EINVAL, and of a range with unmapped pages with ENOMEM.",
	.spec      = "Linux mseal(2) / Documentation/userspace-api/mseal.rst: ERRORS "
		     "(EINVAL: flags not 0, start not page aligned; ENOMEM: the range is "
		     "not fully mapped)",
	.profile   = "linux",
	.covers    = "O1",
);

static void run(void)
{
	unsigned char *base = reserve(4 * page_size);
	unsigned char *map = SAFE_MAP_PATTERN(base, 2 * page_size, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, NULL);

	SAFE_MSEAL(base + 3 * page_size, 0);	/* present: a call of nothing works */
	SAFE_MUNMAP(base + 2 * page_size, page_size);	/* a hole after the mapping */

	CHECK_FAILS(sys_mseal(map, page_size, 1), EINVAL);
	CHECK_FAILS(sys_mseal(map + 1, page_size - 1, 0), EINVAL);
	CHECK_FAILS(sys_mseal(map, 4 * page_size, 0), ENOMEM);
	CHECK_FAILS(sys_mseal(base + 2 * page_size, page_size, 0), ENOMEM);
	/* none of them sealed anything */
	CHECK_OK(munmap(map, 2 * page_size));
}
