/*
 * On Linux, read() into a buffer that munmap() removed fails with EFAULT:
 * the kernel does not store into a range that is no longer mapped.
 *
 * The file holds a page of the pattern and the buffer was a written,
 * populated mapping.  A kernel that still finds the old page through a
 * stale translation and copies into it returns a count and fails; one
 * that maps something new there to hold the data, or kills the process
 * with SIGSEGV instead of returning the error, fails too.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "read() into a buffer in a range removed by munmap() fails "
		     "with EFAULT.",
	.spec      = "Linux read(2): ERRORS, EFAULT (\"buf is outside your accessible "
		     "address space\"); POSIX.1-2024 munmap(): DESCRIPTION",
	.profile   = "linux",
);

static void run(void)
{
	int fd = make_file("source", page_size);
	unsigned char *map = SAFE_MAP_PATTERN(NULL, page_size, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	SAFE_MUNMAP(map, page_size);

	CHECK_FAILS(read(fd, map, page_size), EFAULT);
}
