/*
 * On Linux, write() from a buffer that munmap() removed fails with EFAULT:
 * the kernel honours the removal when it copies from user memory too.
 *
 * The buffer was a mapping full of the pattern, so a kernel that kept a
 * stale translation (or the page) and copied through it would write the
 * pattern into the file and return a count; it fails, as does one that
 * kills the process with SIGSEGV instead of returning the error.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "write() from a buffer in a range removed by munmap() fails "
		     "with EFAULT.",
	.spec      = "Linux write(2): ERRORS, EFAULT (\"buf is outside your accessible "
		     "address space\"); POSIX.1-2024 munmap(): DESCRIPTION",
	.profile   = "linux",
);

static void run(void)
{
	int fd = make_file("target", 0);
	unsigned char *map = SAFE_MAP_PATTERN(NULL, page_size, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	SAFE_MUNMAP(map, page_size);

	CHECK_FAILS(write(fd, map, page_size), EFAULT);
}
