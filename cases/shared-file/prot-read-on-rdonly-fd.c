/*
 * A PROT_READ MAP_SHARED mapping needs only read access: mmap() of a
 * descriptor open for reading only succeeds and the mapping shows the
 * object's bytes.  The object was created read-write and reopened
 * O_RDONLY, so only the open mode differs from the usual case.  Fails
 * under a kernel that demands write access for every shared mapping
 * (EACCES), or maps the pages without the object's bytes.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "mmap() with PROT_READ and MAP_SHARED of a descriptor open for "
		     "reading only succeeds, and the mapping shows the object.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (\"the file descriptor fildes "
		     "shall have been opened with read permission\"; write "
		     "permission only for PROT_WRITE with MAP_SHARED)",
	.profile   = "posix",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 2 * page_size;
	struct object obj = make_object(len);
	int fd = reopen_object(&obj, O_RDONLY);
	unsigned char *map;

	map = CHECK_MAP_OK(mmap(NULL, len, PROT_READ, MAP_SHARED, fd, 0));

	CHECK_PATTERN(map, 0, len);
}
