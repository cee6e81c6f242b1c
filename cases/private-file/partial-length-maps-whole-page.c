/*
 * A MAP_PRIVATE mapping whose length is not a multiple of the page size
 * still maps the whole of its last page: all of it can be read and shows
 * the object's bytes.  The object is larger than the mapping, so the tail
 * of the last page lies inside the object and must hold its bytes (the
 * end-of-file zero fill is a different rule, in cases/eof/).  Fails under
 * a kernel that maps only len bytes (the tail faults), or zero-fills the
 * part of the last page past len as if it were past end-of-file.
 */
#include "private-file.h"

MMAPCTS_CASE(
	.assertion = "A MAP_PRIVATE mapping of one and a half pages makes the whole "
		     "second page readable, showing the object's bytes.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (\"the system shall include, "
		     "in any mapping operation, any partial page specified by the "
		     "address range\")",
	.profile   = "posix",
	.covers_part = "B1",
	.variants  = "file shm memfd",
);

static void run(void)
{
	check_private_shows(3 * page_size, 0, page_size + page_size / 2);
}
