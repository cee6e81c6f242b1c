/*
 * Linux refuses protection bits it does not define: mprotect() with
 * PROT_READ plus an undefined bit fails with EINVAL.
 *
 * The bit is 1 << 20, which no Linux architecture gives a meaning
 * (the defined ones are PROT_READ, PROT_WRITE, PROT_EXEC, PROT_SEM and the
 * architecture bits below 0x100, and PROT_GROWSDOWN/PROT_GROWSUP at
 * 0x01000000 and 0x02000000); the range is a valid mapping.  A kernel that
 * ignored unknown bits returns 0 and fails.  POSIX only says prot
 * "should" be PROT_NONE or an OR of PROT_READ, PROT_WRITE and PROT_EXEC
 * and gives no error for other bits (its ENOTSUP is for supported bits in
 * a combination the implementation cannot do), hence the linux profile.
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "mprotect() with a protection bit outside the defined set "
		     "fails with EINVAL.",
	.spec      = "Linux mprotect(2): ERRORS: EINVAL (\"Invalid flags specified in "
		     "prot\"); POSIX.1-2024 mprotect(): DESCRIPTION (prot should be "
		     "PROT_NONE or an OR of PROT_READ, PROT_WRITE, PROT_EXEC)",
	.profile   = "linux",
	.covers    = "H7",
);

static void run(void)
{
	const int undefined_bit = 1 << 20;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, page_size, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	CHECK_FAILS(mprotect(map, page_size, PROT_READ | undefined_bit), EINVAL);
}
