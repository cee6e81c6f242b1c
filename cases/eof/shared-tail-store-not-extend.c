/*
 * A store to the tail of the last page of a MAP_SHARED mapping (past
 * end-of-file) does not make the object longer: after the stores and an
 * msync(MS_SYNC) of the whole mapping, fstat() still reports the old
 * size.  Fails under a kernel that moves end-of-file to the end of the
 * written page (or to the last byte written) when it writes the page back.
 */
#include "eof.h"

MMAPCTS_CASE(
	.assertion = "Stores through a MAP_SHARED mapping to the part of the last "
		     "page past end-of-file, followed by msync(MS_SYNC), leave the "
		     "object's size unchanged.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (modified portions of the last "
		     "page beyond the end are never written out)",
	.profile   = "posix",
	.covers    = "D3",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj;
	unsigned char *map = shared_tail_stored(&obj);
	struct stat st;

	SAFE_MSYNC(map, 2 * page_size, MS_SYNC);
	SAFE_FSTAT(obj.fd, &st);

	CHECK_EQ(st.st_size, eof_size());
}
