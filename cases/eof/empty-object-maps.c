/*
 * An object of size zero can be mapped: mmap() of one page of an empty
 * object succeeds.  The call is valid in every other respect (MAP_SHARED,
 * PROT_READ|PROT_WRITE on a descriptor open for reading and writing), so
 * only a refusal of the empty object could make it fail.  Fails under an
 * implementation that refuses to map an empty file (EINVAL, ENXIO or
 * ENODEV), as some libraries wrongly assume every system does.
 */
#include "eof.h"

MMAPCTS_CASE(
	.assertion = "mmap() of a non-empty range of an object of size zero "
		     "succeeds.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (offsets need only be possible "
		     "ones; an empty object is still an object)",
	.profile   = "posix",
	.covers    = "D4",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(0);

	CHECK_MAP_OK(mmap(NULL, page_size, PROT_READ | PROT_WRITE, MAP_SHARED,
			  obj.fd, 0));
}
