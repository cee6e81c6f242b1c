/*
 * mmap() of a descriptor number that no file was ever opened on fails with
 * EBADF.  The number is the highest the process may have (its soft
 * RLIMIT_NOFILE less one), checked to be closed with fcntl(F_GETFD), so
 * no descriptor table slot has ever existed for it in a short-lived case.
 * Fails under an implementation that looks the number up unchecked (maps
 * something else, or crashes), or reports another errno such as EINVAL.
 */
#include "file-args.h"

#include <sys/resource.h>

MMAPCTS_CASE(
	.assertion = "mmap() of a file descriptor number that is not open fails "
		     "with EBADF.",
	.spec      = "POSIX.1-2024 mmap(): ERRORS, [EBADF] (fildes is not a valid "
		     "open file descriptor)",
	.profile   = "posix",
	.covers    = "L5",
);

static void run(void)
{
	struct rlimit rl;
	int fd;

	if (getrlimit(RLIMIT_NOFILE, &rl) < 0)
		UNRESOLVED("getrlimit(RLIMIT_NOFILE) failed: %s", errno_name(errno));
	fd = rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur > INT32_MAX ? INT32_MAX
								      : (int)rl.rlim_cur - 1;
	if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
		UNRESOLVED("descriptor %d is open, expected a free number", fd);

	CHECK_MAP_FAILS(mmap(NULL, page_size, PROT_READ, MAP_SHARED, fd, 0), EBADF);
}
