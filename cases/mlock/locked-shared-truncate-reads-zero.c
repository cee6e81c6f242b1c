/*
 * Truncation reaches locked pages: a locked MAP_SHARED mapping of an
 * object truncated to 0 and grown back to its length reads zero, and
 * munlock() of it afterwards returns 0 and gives the lock back (VmLck as
 * before the lock).  Catches a truncate that spares locked pages (they
 * keep the old bytes) and a munlock() that fails or does nothing on pages
 * a truncate replaced.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "A locked MAP_SHARED mapping reads zero after its object is "
		     "truncated to 0 and grown back, and munlock() of it then returns "
		     "0 and leaves VmLck as before the lock.",
	.spec      = "POSIX.1-2024 ftruncate(): DESCRIPTION; Linux mlock(2), "
		     "proc_pid_status(5): VmLck",
	.profile   = "linux",
	.covers    = "D11",
	.needs     = "mlock",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 2 * page_size;
	struct object obj;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_SHARED, &obj);
	size_t before = SAFE_MLOCK(map, len);

	SAFE_FTRUNCATE(obj.fd, 0);
	SAFE_FTRUNCATE(obj.fd, (off_t)len);
	CHECK_ZERO(map, len);

	CHECK_OK(munlock(map, len));
	CHECK_EQ(locked_kb(), (long)(before / 1024));
}
