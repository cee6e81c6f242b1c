/*
 * posix_madvise() reports failure by returning the error number itself,
 * not -1 with errno, like the other posix_* functions of POSIX.  An
 * advice no system defines must fail with EINVAL (a "shall fail" error);
 * a range with nothing mapped and an address off a page boundary "may
 * fail", with ENOMEM and EINVAL, so there 0 is also right and which was
 * returned is recorded ("unmapped_range_returns", "unaligned_returns").
 * A libc that wraps the system call the way it wraps madvise() returns -1
 * and fails on the first row.
 */
#include "madvise.h"

#include <limits.h>

MMAPCTS_CASE(
	.assertion = "posix_madvise() returns EINVAL for an invalid advice, and "
		     "returns 0 or the error number (never -1) for an unmapped or "
		     "unaligned range.",
	.spec      = "POSIX.1-2024 posix_madvise(): RETURN VALUE (\"otherwise, an "
		     "error number shall be returned\"), ERRORS (shall fail: EINVAL "
		     "for an invalid advice; may fail: EINVAL for an unaligned addr, "
		     "ENOMEM for addresses outside the process's address space)",
	.profile   = "posix",
	.covers    = "M8",
	.needs     = "posix_madvise",
);

static void run(void)
{
	unsigned char *map = SAFE_MAP_ANON(NULL, page_size, PROT_READ | PROT_WRITE,
					   MAP_PRIVATE);
	unsigned char *hole = lay_out(".");
	int err;

	CHECK_EQ(posix_madvise(map, page_size, INT_MAX), EINVAL);

	err = posix_madvise(hole, page_size, POSIX_MADV_NORMAL);
	OBSERVE("unmapped_range_returns", "%s", err ? errno_name(err) : "0");
	if (err != 0 && err != ENOMEM)
		FAIL("posix_madvise() of an unmapped page returned %d (%s), expected "
		     "0 or ENOMEM", err, errno_name(err));

	err = posix_madvise(map + 1, page_size - 1, POSIX_MADV_NORMAL);
	OBSERVE("unaligned_returns", "%s", err ? errno_name(err) : "0");
	if (err != 0 && err != EINVAL)
		FAIL("posix_madvise() of an unaligned address returned %d (%s), "
		     "expected 0 or EINVAL", err, errno_name(err));
}
