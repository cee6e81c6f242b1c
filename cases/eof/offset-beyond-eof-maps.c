/*
 * mmap() at an offset beyond end-of-file succeeds: the object is one page,
 * the mapping starts at its fourth page.  Offsets up to the offset maximum
 * are "possible" offsets of a regular file or a shared memory object, even
 * where there is no data yet (a later ftruncate() could put some there),
 * and POSIX gives such references SIGBUS, not the mmap() call an error.
 * Fails under an implementation that checks the offset against the
 * current size when mapping (ENXIO or EINVAL).
 */
#include "eof.h"

MMAPCTS_CASE(
	.assertion = "mmap() of a range that starts beyond the end of the object "
		     "succeeds.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (an offset need only be a "
		     "possible, not a current, offset of the object)",
	.profile   = "posix",
	.covers    = "D4",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(page_size);

	CHECK_MAP_OK(mmap(NULL, 2 * page_size, PROT_READ | PROT_WRITE, MAP_SHARED,
			  obj.fd, (off_t)(3 * page_size)));
}
