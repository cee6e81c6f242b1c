/*
 * A system call may copy between a file and a MAP_SHARED mapping of that
 * very file: write() from the mapping into the file, and read() from the
 * file into the mapping, return the full count, and the pages end up
 * holding the bytes copied, with no deadlock on the page the call both
 * reads and writes.  Each call is made on pages the mapping has not
 * touched yet (so the kernel must fault them in while it copies), once
 * between two different pages of the file and once with a page copied
 * onto itself.  Fails under a kernel that refuses such a buffer (EFAULT,
 * EDEADLK), returns a short count, copies the wrong page, or hangs
 * (TIMEOUT).  Offsets past end-of-file are
 * eof/read-into-past-eof-efault and eof/write-from-past-eof-efault.
 */
#include "shared-file.h"

MMAPCTS_CASE(
	.assertion = "write() from a MAP_SHARED mapping of a file into that file, "
		     "and read() from the file into the mapping, copy the whole "
		     "count, also a page onto itself, and the file and the mapping "
		     "then hold the bytes copied.",
	.spec      = "Linux read(2), write(2): DESCRIPTION (buf may be any "
		     "accessible memory, mapped files included); Linux mmap(2): "
		     "MAP_SHARED",
	.profile   = "linux",
	.covers    = "C9",
	.variants  = "file memfd",	/* read() and write() of a shm object are unspecified */
);

static void run(void)
{
	size_t len = 4 * page_size;
	struct object obj = make_object(len);
	unsigned char *map = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED,
				       obj.fd, 0);

	/* write(): page 0 of the mapping to page 2 of the file, page 1 onto itself */
	seek_to(obj.fd, (off_t)(2 * page_size));
	CHECK_EQ(write(obj.fd, map, page_size), (ssize_t)page_size);
	seek_to(obj.fd, (off_t)page_size);
	CHECK_EQ(write(obj.fd, map + page_size, page_size), (ssize_t)page_size);

	/* read(): page 1 of the file into page 3 of the mapping, page 0 onto itself */
	seek_to(obj.fd, (off_t)page_size);
	CHECK_EQ(read(obj.fd, map + 3 * page_size, page_size), (ssize_t)page_size);
	seek_to(obj.fd, 0);
	CHECK_EQ(read(obj.fd, map, page_size), (ssize_t)page_size);

	CHECK_PATTERN(map, 0, 2 * page_size);
	CHECK_PATTERN(map + 2 * page_size, 0, page_size);
	CHECK_PATTERN(map + 3 * page_size, page_size, page_size);
	CHECK_MEM_EQ(read_object(&obj, 0, len), map, len);
}
