/*
 * The kernel honours end-of-file when it stores to user memory: read()
 * into a writable MAP_SHARED page wholly past the end of the object fails
 * with EFAULT, delivers no SIGBUS, and leaves the object's size alone.
 * The source is a regular file holding the bytes, so the destination
 * buffer is the only thing that can go wrong.  Fails under a kernel that
 * stores into the page anyway (growing the object or inventing a page for
 * it) or signals the process instead of failing the call.  EFAULT is a
 * Linux promise (POSIX leaves invalid buffers undefined).
 */
#include "eof.h"

MMAPCTS_CASE(
	.assertion = "read() into a writable mapped page wholly past the end of the "
		     "object fails with EFAULT, delivers no SIGBUS and does not "
		     "grow the object.",
	.spec      = "Linux read(2): ERRORS, EFAULT (buf outside the accessible "
		     "address space); Linux mmap(2): SIGBUS",
	.profile   = "linux",
	.covers    = "C9",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj;
	unsigned char *map = map_eof_object(&obj, 3 * page_size,
					    PROT_READ | PROT_WRITE, MAP_SHARED);
	int src = make_file("source", 16);
	struct stat st;

	sigbus_count_start();

	CHECK_FAILS(read(src, map + 2 * page_size, 16), EFAULT);
	CHECK_EQ(*sigbus_count(), 0);
	SAFE_FSTAT(obj.fd, &st);
	CHECK_EQ(st.st_size, eof_size());
}
