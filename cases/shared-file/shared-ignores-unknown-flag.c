/*
 * Plain MAP_SHARED ignores flag bits the kernel does not know: the call
 * that MAP_SHARED_VALIDATE refuses (validate-unknown-flag-eopnotsupp)
 * succeeds with MAP_SHARED, and the mapping works as a shared one (a
 * store reaches the object, seen through a second mapping).  This is
 * the compatibility promise that made MAP_SHARED_VALIDATE necessary.
 * Fails under a kernel that validates MAP_SHARED's flags too (old
 * programs passing stray bits break), or lets the unknown bit change the
 * mapping.
 */
#include "shared-file.h"

MMAPCTS_CASE(
	.assertion = "mmap() with MAP_SHARED and an unknown flag bit succeeds and "
		     "makes an ordinary shared mapping.",
	.spec      = "Linux mmap(2): MAP_SHARED_VALIDATE (\"MAP_SHARED mappings "
		     "ignore unknown flags in flags\")",
	.profile   = "linux",
	.covers_part = "L3",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 2 * page_size;
	struct object obj = make_object(len);
	unsigned char *plain = SAFE_MMAP(NULL, len, PROT_READ, MAP_SHARED, obj.fd, 0);
	unsigned char *map;

	map = CHECK_MAP_OK(mmap(NULL, len, PROT_READ | PROT_WRITE,
				MAP_SHARED | UNKNOWN_MAP_FLAG, obj.fd, 0));
	touch_pages(plain, len);
	fill_pattern(map, 0, len, 1);

	CHECK_PATTERN_SEED(plain, 0, len, 1);
}
