/*
 * A Linux O_PATH descriptor names a file without opening it for any I/O:
 * mmap() of one fails with EBADF, whatever the protection (PROT_READ with
 * MAP_PRIVATE is asked for, the least a mapping needs).  The file exists
 * and holds a page, so a kernel that resolves the O_PATH descriptor to
 * its file and maps it (letting a descriptor that was never checked for
 * read access read the file) fails, as does one reporting EACCES.
 */
#include "file-args.h"

MMAPCTS_CASE(
	.assertion = "mmap() of an O_PATH file descriptor fails with EBADF.",
	.spec      = "Linux open(2): O_PATH (mmap(2) and other file operations fail "
		     "with EBADF)",
	.profile   = "linux",
	.covers    = "C12",
	.needs     = "O_PATH",
);

static void run(void)
{
	int fd;

	SAFE_CLOSE(make_file("target", page_size));
	fd = SAFE_OPEN("target", O_PATH);

	CHECK_MAP_FAILS(mmap(NULL, page_size, PROT_READ, MAP_PRIVATE, fd, 0), EBADF);
}
