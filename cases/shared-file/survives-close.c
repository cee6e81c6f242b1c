/*
 * A MAP_SHARED mapping stays a mapping of the object after close() of the
 * descriptor it was made from: its pages, none touched before the close,
 * show the object's bytes.  Untouched pages have to be fetched from the
 * object after the close, through the mapping's own reference.  Fails
 * under a kernel or libc whose mapping depends on the descriptor staying
 * open (loads fault, or show zeroes).  Stores after the close are the
 * subject of store-after-close-reaches-object.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "A MAP_SHARED mapping shows the object's bytes after the "
		     "descriptor it was made from is closed.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (mmap() adds \"an extra "
		     "reference to the file ... which is not removed by a subsequent "
		     "close()\")",
	.profile   = "posix",
	.covers    = "C7",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 2 * page_size;
	struct object obj = make_object(len);
	unsigned char *map = SAFE_MMAP(NULL, len, PROT_READ, MAP_SHARED, obj.fd, 0);

	SAFE_CLOSE(obj.fd);

	CHECK_READ_OK(map);
	CHECK_READ_OK(map + page_size);
	CHECK_PATTERN(map, 0, len);
}
