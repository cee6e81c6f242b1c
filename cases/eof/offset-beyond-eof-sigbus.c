/*
 * In a mapping that starts beyond end-of-file, every page is wholly past
 * the end of the object, so the first reference raises SIGBUS.  The
 * object is one page and the mapping starts at its fourth page, with
 * MAP_PRIVATE, so the kernel cannot even pretend to share a page with
 * anyone.  Fails under a kernel that hands out zero pages for a mapping
 * starting past end-of-file, or raises SIGSEGV.  The si_code is recorded.
 */
#include "eof.h"

MMAPCTS_CASE(
	.assertion = "A read in a mapping that starts beyond the end of the object "
		     "raises SIGBUS.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (a mapping wholly past the end "
		     "of the object: every page gives SIGBUS)",
	.profile   = "posix",
	.covers    = "D4",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(page_size);
	unsigned char *map = SAFE_MMAP(NULL, 2 * page_size, PROT_READ, MAP_PRIVATE,
				       obj.fd, (off_t)(3 * page_size));

	CHECK_READ_SIGNAL(map, SIGBUS);
}
