/*
 * PROT_WRITE with MAP_PRIVATE needs no write permission on the descriptor:
 * the stores go to private copies, never to the object.  The descriptor is
 * a fresh O_RDONLY one, so the only question is the mapping type; the
 * store afterwards shows the mapping really is writable.  Fails under a
 * kernel or libc that applies MAP_SHARED's write-permission check to
 * private mappings (EACCES), or that quietly maps the pages read-only.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "mmap() with PROT_READ|PROT_WRITE and MAP_PRIVATE succeeds on "
		     "a descriptor open for reading only, and the mapping takes "
		     "stores.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (write permission is needed "
		     "for PROT_WRITE \"unless MAP_PRIVATE is specified\")",
	.profile   = "posix",
	.covers    = "B4",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(page_size);
	int fd = reopen_object(&obj, O_RDONLY);
	unsigned char *map;

	map = CHECK_MAP_OK(mmap(NULL, page_size, PROT_READ | PROT_WRITE, MAP_PRIVATE,
				fd, 0));

	CHECK_WRITE_OK(map, 0x5a);
	CHECK_EQ(map[0], 0x5a);
}
