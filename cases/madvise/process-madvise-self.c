/*
 * process_madvise() on the calling process's own pidfd applies the advice
 * to every range of the vector and returns the bytes advised: with two
 * separate pages of four (the first and the third) of private anonymous
 * memory holding the pattern and MADV_DONTNEED (any advice is allowed on
 * oneself since Linux 6.13), it returns two pages, those two read as zero
 * and the others keep their bytes.  A kernel or libc that handles only the
 * first element of the vector fails on the count or on the third page; one
 * that advises the span between them fails on the second.
 */
#include "madvise.h"

#include <sys/uio.h>

MMAPCTS_CASE(
	.assertion = "On Linux, process_madvise(MADV_DONTNEED) of the calling "
		     "process advises each range of its vector, and only those, "
		     "and returns the total length.",
	.spec      = "Linux process_madvise(2): DESCRIPTION (since Linux 6.13, any "
		     "advice is permitted on the calling process), RETURN VALUE "
		     "(\"the number of bytes advised\")",
	.profile   = "linux",
	.covers    = "M7",
	.needs     = "process_madvise MADV_DONTNEED",
);

static void run(void)
{
	unsigned char *p = anon_pattern(4, PROT_READ | PROT_WRITE);
	struct iovec iov[2] = {
		{ .iov_base = p, .iov_len = page_size },
		{ .iov_base = p + 2 * page_size, .iov_len = page_size },
	};
	int pidfd = sys_pidfd_open(getpid(), 0);
	ssize_t advised;

	if (pidfd < 0) {
		if (errno == ENOSYS)
			FEATURE_REFUSED("pidfd_open()", "5.3", errno);
		UNRESOLVED("pidfd_open() of this process failed: %s", errno_name(errno));
	}
	advised = process_madvise(pidfd, iov, 2, MADV_DONTNEED, 0);
	if (advised < 0 && errno == ENOSYS)
		FEATURE_REFUSED("process_madvise()", "5.10", errno);
	if (advised < 0 && errno == EINVAL)
		FEATURE_REFUSED("process_madvise(MADV_DONTNEED) of the calling process",
				"6.13", errno);

	CHECK_EQ(advised, 2 * page_size);
	CHECK_ZERO(p, page_size);
	CHECK_INTACT(p, 1, 1);
	CHECK_ZERO(p + 2 * page_size, page_size);
	CHECK_INTACT(p, 3, 1);
	SAFE_CLOSE(pidfd);
}
