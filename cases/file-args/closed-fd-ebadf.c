/*
 * mmap() of a descriptor that was open and has been closed fails with
 * EBADF.  The descriptor named a valid one-page file until the close, and
 * nothing opens another descriptor in between (the case has one thread),
 * so the number is free when mmap() sees it.  Fails under an
 * implementation that caches the descriptor's file and maps it anyway,
 * or reports another errno.
 */
#include "file-args.h"

MMAPCTS_CASE(
	.assertion = "mmap() of a closed file descriptor fails with EBADF.",
	.spec      = "POSIX.1-2024 mmap(): ERRORS, [EBADF] (fildes is not a valid "
		     "open file descriptor)",
	.profile   = "posix",
	.covers    = "L5",
);

static void run(void)
{
	int fd = make_file("closed", page_size);

	SAFE_CLOSE(fd);

	CHECK_MAP_FAILS(mmap(NULL, page_size, PROT_READ, MAP_SHARED, fd, 0), EBADF);
}
