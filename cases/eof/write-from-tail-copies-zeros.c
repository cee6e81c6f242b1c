/*
 * The zero-filled tail of the last page is ordinary memory to the kernel
 * too: write() from the bytes past end-of-file in the partial page
 * succeeds in full and writes zeros.  The destination is a regular file
 * (a pipe might not take half a page at once), read back with pread().
 * Fails under a kernel whose system calls apply end-of-file to the byte
 * (EFAULT or a short write at the old end), or that copies stale bytes
 * from the page instead of zeros.
 */
#include "eof.h"

MMAPCTS_CASE(
	.assertion = "write() from the bytes past end-of-file in the last partial "
		     "page of a mapping writes all of them, as zeros.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (partial last page "
		     "zero-filled); write(): DESCRIPTION",
	.profile   = "posix",
	.covers_part = "C9",
	.variants  = "file shm memfd",
);

static void run(void)
{
	unsigned char *map = map_eof_object(NULL, 2 * page_size, PROT_READ,
					    MAP_SHARED);
	int copy = make_file("copy", 0);
	unsigned char *data = scratch(page_size);

	CHECK_EQ(write(copy, map + eof_size(), eof_tail()), eof_tail());
	memset(data, 0x5a, page_size);
	SAFE_PREAD(copy, data, eof_tail(), 0);
	CHECK_ZERO(data, eof_tail());
}
