/*
 * mmap() of descriptor -1 without MAP_ANONYMOUS fails with EBADF: -1 is
 * never a valid descriptor, and only MAP_ANONYMOUS (an extension) makes
 * it the conventional "no file".  A kernel or libc that treats fd -1 as
 * a request for anonymous memory (mapping zeros) fails, as does one that
 * reports EINVAL.
 */
#include "file-args.h"

MMAPCTS_CASE(
	.assertion = "mmap() of file descriptor -1 without MAP_ANONYMOUS fails "
		     "with EBADF.",
	.spec      = "POSIX.1-2024 mmap(): ERRORS, [EBADF] (fildes is not a valid "
		     "open file descriptor)",
	.profile   = "posix",
	.covers    = "L5",
);

static void run(void)
{
	CHECK_MAP_FAILS(mmap(NULL, page_size, PROT_READ, MAP_PRIVATE, -1, 0), EBADF);
}
