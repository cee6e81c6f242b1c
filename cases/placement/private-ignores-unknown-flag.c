/*
 * Linux ignores flag bits it does not know in a MAP_PRIVATE call too, not
 * only with MAP_SHARED (shared-file/shared-ignores-unknown-flag): the
 * call succeeds and the mapping is an ordinary private one - the object's
 * bytes (or zeroes), writable, and a store through it stays out of the
 * object.  The BSDs refuse unknown bits with EINVAL; Linux cannot, as old
 * programs pass stray bits, which is why MAP_SHARED_VALIDATE exists.  A
 * kernel that validates MAP_PRIVATE's flags fails on the call; one that
 * lets the unknown bit change the mapping (shared) fails on the object.
 */
#include "placement.h"

MMAPCTS_CASE(
	.assertion = "mmap() with MAP_PRIVATE and an unknown flag bit succeeds and "
		     "makes an ordinary private mapping.",
	.spec      = "Linux mmap(2): MAP_SHARED_VALIDATE (\"MAP_SHARED and "
		     "MAP_PRIVATE mappings ignore unknown flags\" - only the new type "
		     "validates them)",
	.profile   = "linux",
	.covers    = "L3",
	.variants  = "anon dev-zero file shm memfd",
);

static void run(void)
{
	size_t len = 2 * page_size;
	struct backing b = variant_backing(len);
	unsigned char *map;

	map = CHECK_MAP_OK(mmap(NULL, len, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | UNKNOWN_MAP_FLAG | b.flags, b.fd, 0));
	if (b.object)
		CHECK_PATTERN(map, 0, len);
	else
		CHECK_ZERO(map, len);

	fill_pattern(map, 0, len, 1);
	CHECK_PATTERN_SEED(map, 0, len, 1);
	if (b.object)
		CHECK_PATTERN(object_contents(&b.obj, len), 0, len);
}
