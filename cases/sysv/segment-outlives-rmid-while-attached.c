/*
 * shmctl(IPC_RMID) of a segment that is still attached only marks it for
 * removal: the attachment keeps its bytes and takes stores until shmdt(),
 * and the segment goes when the last attachment does.  It catches a system
 * that destroys the segment (or unmaps the attachment) at IPC_RMID.
 */
#include "sysv.h"

MMAPCTS_CASE(
	.assertion = "After shmctl(IPC_RMID) of an attached segment, the attachment still "
		     "holds its data and takes stores, and shmdt() of it succeeds.",
	.spec      = "POSIX.1-2024 shmctl(): IPC_RMID (\"the shared memory segment ... "
		     "shall not be removed until all attached processes have detached\")",
	.profile   = "posix",
	.covers    = "C13",
);

static void run(void)
{
	size_t len = 2 * page_size;
	int id;
	unsigned char *map = SHM_PATTERN(len, &id);

	CHECK_OK(shmctl(id, IPC_RMID, NULL));
	CHECK_INTACT(map, 0, 2);
	CHECK_PAGES_WRITABLE(map, 2, 2);
	CHECK_OK(shmdt(map));
}
