/*
 * Two MAP_PRIVATE mappings of /dev/zero, made from the same descriptor at
 * the same offset, are separate memory, like two anonymous mappings: a
 * store through one leaves the other zero, and the first reads its store
 * back.  A kernel that maps /dev/zero like a file whose pages are shared
 * until written, and then writes the store back to that "file" (or puts
 * it where the other mapping's copy-on-write source is), fails.
 */
#include "file-args.h"

MMAPCTS_CASE(
	.assertion = "A store to one MAP_PRIVATE mapping of /dev/zero is not seen "
		     "in another, which stays zero.",
	.spec      = "Linux zero(4); Linux mmap(2): MAP_PRIVATE (updates not "
		     "visible to other mappings of the same file)",
	.profile   = "linux",
	.covers_part = "A3",
);

static void run(void)
{
	size_t len = 2 * page_size;
	int fd = OPEN_DEV_ZERO(O_RDWR);
	unsigned char *one = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE,
				       fd, 0);
	unsigned char *two = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE,
				       fd, 0);

	touch_pages(two, len);
	fill_pattern(one, 0, len, 1);

	CHECK_PATTERN_SEED(one, 0, len, 1);
	CHECK_ZERO(two, len);
}
