/*
 * Two attachments of one System V shared memory segment are two views of
 * the same memory: a new segment reads zero, and stores through either
 * attachment are seen through the other at once.  It catches an shmat()
 * that attaches a private copy (as an emulation built on MAP_PRIVATE would).
 */
#include "sysv.h"

MMAPCTS_CASE(
	.assertion = "shmget(IPC_PRIVATE) succeeds, and shmat() of the new segment succeeds twice at different addresses; the "
		     "segment reads zero, and stores through each attachment are seen "
		     "through the other.",
	.spec      = "POSIX.1-2024 shmget(): DESCRIPTION (the segment is initialized "
		     "to zero); shmat(): DESCRIPTION (attaches the segment to the "
		     "address space)",
	.profile   = "posix",
	.covers    = "C13",
);

static void run(void)
{
	size_t len = 2 * page_size;
	int id = (int)CHECK_OK(shmget(IPC_PRIVATE, len, IPC_CREAT | 0600));
	unsigned char *a;

	at_cleanup(remove_segment, (void *)(intptr_t)id);
	a = shmat(id, NULL, 0);
	unsigned char *b = shmat(id, NULL, 0);

	CHECK(a != (void *)-1);
	CHECK(b != (void *)-1);
	CHECK(a != b);
	CHECK_ZERO(b, len);
	fill_pattern(a, 0, page_size, 0);
	fill_pattern(b + page_size, page_size, page_size, 0);
	CHECK_PATTERN(b, 0, len);
	CHECK_PATTERN(a, 0, len);
}
