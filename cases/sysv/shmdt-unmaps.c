/*
 * shmdt() returns 0 and takes the attachment away: the range no longer
 * maps anything (an access raises SIGSEGV, SEGV_MAPERR) and the segment
 * counts one attachment fewer.  It catches an shmdt() that reports success
 * and leaves the memory attached.
 */
#include "sysv.h"

MMAPCTS_CASE(
	.assertion = "shmdt() of an attachment returns 0; afterwards its range is "
		     "unmapped and shm_nattch is 0.",
	.spec      = "POSIX.1-2024 shmdt(): DESCRIPTION (detaches the segment); Linux "
		     "shmop(2) (the range is unmapped)",
	.profile   = "linux",
	.covers    = "C13",
);

static void run(void)
{
	size_t len = 2 * page_size;
	int id;
	unsigned char *map = SHM_PATTERN(len, &id);

	CHECK_OK(shmdt(map));
	CHECK_UNMAPPED(map, len);
	CHECK_EQ(SHM_NATTCH(id), 0);
}
