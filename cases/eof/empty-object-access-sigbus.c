/*
 * In a mapping of an object of size zero every page lies wholly past
 * end-of-file, the first byte included, so any access raises SIGBUS:
 * a read and a store of the first byte of a writable MAP_SHARED mapping
 * both do, and the object stays empty.  There is no partial page to
 * zero-fill, so a kernel that treats the first page as the object's
 * (partial) last page and shows zeros fails, as does one that allocates
 * a page of the object for the store, or raises SIGSEGV.  The si_code is
 * recorded.
 */
#include "eof.h"

MMAPCTS_CASE(
	.assertion = "A read and a store of the first byte of a mapping of an "
		     "object of size zero raise SIGBUS, and the object stays empty.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (whole pages following the "
		     "end of an object give SIGBUS; with size 0, every page)",
	.profile   = "posix",
	.covers    = "D4",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(0);
	unsigned char *map = SAFE_MMAP(NULL, page_size, PROT_READ | PROT_WRITE,
				       MAP_SHARED, obj.fd, 0);
	struct stat st;

	CHECK_READ_SIGNAL(map, SIGBUS);
	CHECK_WRITE_SIGNAL(map, SIGBUS);
	SAFE_FSTAT(obj.fd, &st);
	CHECK_EQ(st.st_size, 0);
}
