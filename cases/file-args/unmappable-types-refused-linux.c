/*
 * Linux refuses to map a file whose type has no mmap operation, with
 * ENODEV, MAP_SHARED and MAP_PRIVATE alike: the read end of a pipe, a
 * directory and the character device /dev/random.  The write end of a
 * pipe is refused with EACCES instead: Linux checks that the descriptor
 * is open for reading before it looks at the type.  The POSIX cases
 * (pipe-maps-or-enodev, directory-maps-or-enodev, ...) let a system map
 * these and record whether it did; this case asserts Linux's answers.
 * FreeBSD's EINVAL for MAP_PRIVATE of a character device is that
 * system's rule; on Linux the same call gives ENODEV, checked here.
 * Fails under a kernel or libc that reports another errno (EINVAL,
 * EBADF, ESPIPE), maps one of them, or checks the type before the access
 * mode.
 */
#include "file-args.h"

MMAPCTS_CASE(
	.assertion = "On Linux, mmap() of the read end of a pipe, a directory and "
		     "/dev/random fails with ENODEV, and of the write end of a pipe "
		     "with EACCES, MAP_SHARED and MAP_PRIVATE alike.",
	.spec      = "Linux mmap(2): ERRORS, ENODEV (the underlying filesystem of "
		     "the specified file does not support memory mapping), EACCES "
		     "(fd is not open for reading)",
	.profile   = "linux",
	.covers    = "C11",
);

static void check_refused(const char *what, int fd, int err)
{
	const int types[] = { MAP_SHARED, MAP_PRIVATE };

	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		void *p = mmap(NULL, page_size, PROT_READ, types[i], fd, 0);

		if (p != MAP_FAILED)
			FAIL("mmap(%s) of %s succeeded, expected %s",
			     types[i] == MAP_SHARED ? "MAP_SHARED" : "MAP_PRIVATE", what,
			     errno_name(err));
		if (errno != err)
			FAIL("mmap(%s) of %s failed with %s, expected %s",
			     types[i] == MAP_SHARED ? "MAP_SHARED" : "MAP_PRIVATE", what,
			     errno_name(errno), errno_name(err));
	}
}

static void run(void)
{
	int fds[2];

	SAFE_PIPE(fds);

	check_refused("the read end of a pipe", fds[0], ENODEV);
	check_refused("the write end of a pipe", fds[1], EACCES);
	check_refused("a directory", SAFE_OPEN(".", O_RDONLY), ENODEV);
	check_refused("/dev/random", SAFE_OPEN("/dev/random", O_RDONLY), ENODEV);
}
