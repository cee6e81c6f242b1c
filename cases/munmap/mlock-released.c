/*
 * munmap() releases the memory locks of the pages it removes, and only
 * those: the process's locked memory (VmLck in /proc/self/status) drops
 * by exactly the unmapped pages.
 *
 * POSIX requires the locks on the range to be removed "as if by an
 * appropriate call to munlock()", but only Linux makes the locked amount
 * observable, so the case belongs to the linux profile.  Four pages are
 * locked (VmLck must grow by four pages, which proves it counts this
 * mapping).  The last page is unmapped first: VmLck must be three pages
 * above the start, so a kernel that drops the lock of the whole mapping
 * when it trims it fails, as does one that does not unaccount the removed
 * page.  Then the rest is unmapped: VmLck must be back at the start, so a
 * kernel that forgets to unaccount locked pages when it removes a mapping
 * (a leak that eventually hits RLIMIT_MEMLOCK) fails.  Where mlock() is
 * refused (RLIMIT_MEMLOCK too small, no privilege) the case is
 * UNSUPPORTED.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "munmap() of locked pages lowers the locked memory of the "
		     "process (VmLck) by exactly the pages removed.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (\"Any memory locks ... "
		     "associated with this address range shall be removed, as if by "
		     "an appropriate call to munlock()\"); Linux proc(5): "
		     "/proc/pid/status VmLck",
	.profile   = "linux",
	.covers    = "G8",
	.needs     = "mlock",
);

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, 4 * page_size, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);
	size_t before = SAFE_MLOCK(map, len);

	SAFE_MUNMAP(map + 3 * page_size, page_size);
	CHECK_EQ(locked_bytes(), before + 3 * page_size);

	SAFE_MUNMAP(map, 3 * page_size);
	CHECK_EQ(locked_bytes(), before);
}
