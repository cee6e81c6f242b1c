/*
 * munmap() does not close the descriptor the mapping was made from: the
 * descriptor stays open and can map the object again.
 *
 * The mapping is the only one of the object and is removed; then the
 * same descriptor number is used for a new mapping, which must succeed and
 * show the object.  A libc or kernel that ties the descriptor's life to
 * the mapping (closes it at munmap(), as the last reference goes) fails:
 * mmap() reports EBADF, or the number now names nothing or something else.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "After munmap(), the descriptor the mapping was made from is "
		     "still open and maps the object again.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (removes mappings, nothing "
		     "else); mmap(): DESCRIPTION (the mapping's own reference to the "
		     "file is separate from the descriptor)",
	.profile   = "posix",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, 2 * page_size, PROT_READ, MAP_SHARED,
					      &obj);

	SAFE_MUNMAP(map, 2 * page_size);

	map = CHECK_MAP_OK(mmap(NULL, 2 * page_size, PROT_READ, MAP_SHARED,
				 obj.fd, 0));
	CHECK_INTACT(map, 0, 2);
}
