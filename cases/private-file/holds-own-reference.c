/*
 * A mapping refers to the file it was made from, not to the descriptor
 * number: after close(), the same number is given to another file (open()
 * returns the lowest free descriptor), and the mapping's pages, untouched
 * until then, still show the first file.  The second file holds another
 * pattern, so a page filled from it shows.  Fails under a kernel or libc
 * that looks the descriptor number up again when it fills a page (a
 * user-space emulation that keeps only the number does).
 *
 * File only: a second file is opened by name in the case's directory.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "After close() of its descriptor and reuse of the number for "
		     "another file, a MAP_PRIVATE mapping still shows the first "
		     "file's bytes.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (mmap() adds \"an extra "
		     "reference to the file associated with the file descriptor "
		     "fildes which is not removed by a subsequent close()\")",
	.profile   = "posix",
	.covers    = "C7",
);

static void run(void)
{
	size_t len = 2 * page_size;
	struct object obj = make_object(len);
	unsigned char *map = SAFE_MMAP(NULL, len, PROT_READ, MAP_PRIVATE, obj.fd, 0);
	unsigned char *other = scratch(len);
	int fd;

	SAFE_CLOSE(obj.fd);
	fd = SAFE_OPEN("other", O_RDWR | O_CREAT | O_EXCL, 0600);
	if (fd != obj.fd)
		UNRESOLVED("open() did not reuse the closed descriptor number");
	fill_pattern(other, 0, len, 1);
	SAFE_PWRITE(fd, other, len, 0);

	CHECK_PATTERN(map, 0, len);
}
