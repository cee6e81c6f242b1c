/*
 * munlock() of mapped memory that was never locked succeeds: it returns
 * 0 and the locked memory of the process stays as it was.  Catches a
 * kernel or libc that refuses to unlock what holds no lock.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "munlock() of a mapped range that holds no lock returns 0.",
	.spec      = "POSIX.1-2024 mlock(): DESCRIPTION, RETURN VALUE (munlock())",
	.profile   = "posix",
	.covers    = "M12",
	.needs     = "mlock",
);

static void run(void)
{
	size_t len = 2 * page_size;
	void *map = SAFE_MAP_ANON(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE);

	touch_pages(map, len);
	CHECK_OK(munlock(map, len));
}
