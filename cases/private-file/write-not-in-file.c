/*
 * A store through a MAP_PRIVATE mapping changes the mapping only: read()
 * of the file still returns the original bytes.  A kernel that wrote
 * private pages back (or mapped the page cache page writable) fails here.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "Stores through a MAP_PRIVATE file mapping do not change the "
		     "underlying file, as read() shows.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_PRIVATE "
		     "(\"modifications to the mapped data ... shall be visible only "
		     "to the calling process and shall not change the underlying object\")",
	.profile   = "posix",
	.covers    = "B3",
	.variants  = "file memfd",	/* read() of a shm object is unspecified */
);

static void run(void)
{
	size_t len = 2 * page_size;
	struct object obj = make_object(len);
	unsigned char *map = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE,
				       obj.fd, 0);
	unsigned char *file = scratch(len);

	fill_pattern(map, 0, len, 1);
	SAFE_PREAD(obj.fd, file, len, 0);

	CHECK_PATTERN(file, 0, len);
}
