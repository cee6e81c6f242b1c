/*
 * A MAP_SHARED mapping whose length is not a multiple of the page size
 * maps its whole last page, and a store to that page past the length
 * still changes the object (the object covers the page, so this is not
 * the end-of-file tail).  The mapping is one and a half pages long; the
 * store goes to the last byte of its second page, and read() after
 * msync(MS_SYNC) of the whole pages must return it at the object offset
 * it maps.  Fails under a kernel that maps the tail but treats it as
 * private or as beyond the object (the store is lost, or faults).
 *
 * No shm variant: POSIX leaves read() of a shared memory object unspecified.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "A store through a MAP_SHARED mapping of one and a half pages "
		     "to the last byte of its second page changes the object at "
		     "that offset.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (\"the system shall include, "
		     "in any mapping operation, any partial page\"), MAP_SHARED "
		     "(\"write references shall change the underlying object\")",
	.profile   = "posix",
	.covers_part = "C1",
	.variants  = "file memfd",
);

static void run(void)
{
	size_t len = page_size + page_size / 2, whole = 2 * page_size;
	struct object obj = make_object(3 * page_size);
	unsigned char *map = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED,
				       obj.fd, 0);
	unsigned char stored = (unsigned char)~pattern_byte(whole - 1);
	unsigned char *file;

	CHECK_WRITE_OK(map + whole - 1, stored);
	SAFE_MSYNC(map, whole, MS_SYNC);
	file = read_object(&obj, (off_t)(whole - 1), 1);

	CHECK_EQ(file[0], stored);
}
