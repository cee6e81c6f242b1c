/*
 * A range whose end wraps past the top of the address space is invalid:
 * mlock() and munlock() of it fail with EINVAL.  The range starts at the
 * second page of a mapping and is -page_size bytes long, so addr + len
 * wraps around to the mapping's first page.  mlock(NULL, SIZE_MAX), whose
 * end does not wrap but whose length rounded up to pages does, is only
 * recorded (null_max_len): Linux returns 0 for it.  Catches a kernel that
 * lets the end wrap, takes the range for empty and reports success.
 */
#include "mlock.h"

MMAPCTS_CASE(
	.assertion = "mlock() and munlock() of a range whose end (addr + len) "
		     "wraps around the address space fail with EINVAL.",
	.spec      = "Linux mlock(2): ERRORS, EINVAL (addr + len less than addr)",
	.profile   = "linux",
	.covers    = "M12",
	.needs     = "mlock",
);

static void run(void)
{
	unsigned char *map = SAFE_MAP_ANON(NULL, 2 * page_size, PROT_READ | PROT_WRITE,
					   MAP_PRIVATE);
	size_t wrap = (size_t)0 - page_size;

	CHECK_FAILS(mlock(map + page_size, wrap), EINVAL);
	CHECK_FAILS(munlock(map + page_size, wrap), EINVAL);

	int r = mlock(NULL, SIZE_MAX);
	OBSERVE("null_max_len", "%s", r == 0 ? "0" : errno_name(errno));
	if (r == 0)
		munlock(NULL, SIZE_MAX);
}
