/*
 * Past the end of the mapping itself there is no object to run out of: a
 * reference to the page after a mapping that ends in a partial page of
 * the object raises SIGSEGV (an unmapped address), not SIGBUS.  The
 * mapping is placed at the start of a three-page reservation and the
 * third page is unmapped, so the page after the mapping is known to be
 * unmapped.  Fails under a kernel that extends the end-of-file rule past
 * the mapping (SIGBUS for the page that would have followed the object),
 * or that lets the access through.  The si_code is recorded.
 */
#include "eof.h"

MMAPCTS_CASE(
	.assertion = "A reference to the unmapped page just past the end of a file "
		     "mapping raises SIGSEGV, not SIGBUS.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (references to unmapped "
		     "pages give SIGSEGV); mmap(): DESCRIPTION (SIGBUS only inside "
		     "[pa,pa+len))",
	.profile   = "posix",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(eof_size());
	unsigned char *space = reserve(3 * page_size);
	unsigned char *map = SAFE_MMAP(space, 2 * page_size, PROT_READ,
				       MAP_SHARED | MAP_FIXED, obj.fd, 0);

	SAFE_MUNMAP(space + 2 * page_size, page_size);

	CHECK_READ_SIGNAL(map + 2 * page_size, SIGSEGV);
}
