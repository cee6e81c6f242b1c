/*
 * /dev/zero has no end-of-file: a MAP_PRIVATE mapping of it at a large
 * offset, for many pages, is readable to its last byte (zero) and raises
 * no SIGBUS, as anonymous memory would not.  The offset (a gibibyte, a
 * page multiple) and the length are far beyond anything a file of size 0
 * (which is what stat() says of /dev/zero) would allow.  Fails under a
 * kernel that applies the file end-of-file rule to the device by its
 * st_size, raising SIGBUS.
 */
#include "file-args.h"

MMAPCTS_CASE(
	.assertion = "Every page of a MAP_PRIVATE mapping of /dev/zero at a large "
		     "offset is readable, as zero.",
	.spec      = "Linux zero(4) (reads give zero bytes without end); Linux "
		     "mmap(2): MAP_ANONYMOUS",
	.profile   = "linux",
	.covers_part = "A3",
);

static void run(void)
{
	size_t len = 16 * page_size;
	int fd = OPEN_DEV_ZERO(O_RDONLY);
	unsigned char *map = SAFE_MMAP(NULL, len, PROT_READ, MAP_PRIVATE, fd,
				       (off_t)((uint64_t)1 << 30));

	CHECK_READ_OK(map + len - 1);
	CHECK_ZERO(map, len);
}
