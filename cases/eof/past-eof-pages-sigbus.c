/*
 * Every reference to a page wholly past end-of-file inside a mapping
 * raises SIGBUS (with si_addr in that page): reads and stores, through
 * MAP_PRIVATE and MAP_SHARED mappings alike.  The object is eof_size()
 * bytes and each mapping four pages, so pages 2 and 3 lie past the end;
 * page 2 takes a store as its first access and page 3 a read, so neither
 * fault is helped by an earlier one.  After the shared store the object
 * must still have its size.
 *
 * Fails under a kernel that hands out zero pages past end-of-file (as
 * for anonymous memory), satisfies a private write fault with a fresh
 * page instead of a copy of the (missing) object page, allocates an
 * object page for a shared store (growing the object, as write() would),
 * checks end-of-file for one kind of mapping only, or raises SIGSEGV.
 * The si_code is recorded (past-eof-sigbus-adrerr checks it on Linux).
 */
#include "eof.h"

MMAPCTS_CASE(
	.assertion = "Reads and stores to whole pages past the end of the object "
		     "in MAP_PRIVATE and MAP_SHARED mappings raise SIGBUS, and the "
		     "object keeps its size.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (references within "
		     "[pa,pa+len) to whole pages following the end of an object: "
		     "SIGBUS)",
	.profile   = "posix",
	.covers    = "D1",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 4 * page_size;
	struct object obj = make_object(eof_size());
	unsigned char *priv = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE,
					obj.fd, 0);
	unsigned char *shared = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE,
					  MAP_SHARED, obj.fd, 0);
	struct stat st;

	CHECK_WRITE_SIGNAL(priv + 2 * page_size, SIGBUS);
	CHECK_READ_SIGNAL(priv + 3 * page_size, SIGBUS);
	CHECK_WRITE_SIGNAL(shared + 2 * page_size, SIGBUS);
	CHECK_READ_SIGNAL(shared + 3 * page_size, SIGBUS);
	SAFE_FSTAT(obj.fd, &st);
	CHECK_EQ(st.st_size, eof_size());
}
