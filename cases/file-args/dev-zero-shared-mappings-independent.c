/*
 * Two MAP_SHARED mappings of /dev/zero made by separate mmap() calls are
 * separate objects: a store through one, after both exist, is not seen
 * in the other (only mappings inherited from one mmap() share memory).
 * Both mappings are read before the store, so both have their pages.
 * Fails under a kernel that gives every shared /dev/zero mapping at one
 * offset the same pages (as it would for a file).
 */
#include "file-args.h"

MMAPCTS_CASE(
	.assertion = "A store to one MAP_SHARED mapping of /dev/zero is not seen in "
		     "another made by a separate mmap() call.",
	.spec      = "Linux zero(4); Linux mmap(2): MAP_SHARED|MAP_ANONYMOUS (each "
		     "call a new object, shared only across fork())",
	.profile   = "linux",
);

static void run(void)
{
	size_t len = 2 * page_size;
	unsigned char *one = SAFE_MAP_DEV_ZERO(NULL, len, PROT_READ | PROT_WRITE,
					       MAP_SHARED);
	unsigned char *two = SAFE_MAP_DEV_ZERO(NULL, len, PROT_READ | PROT_WRITE,
					       MAP_SHARED);

	touch_pages(one, len);
	touch_pages(two, len);
	fill_pattern(one, 0, len, 1);

	CHECK_ZERO(two, len);
}
