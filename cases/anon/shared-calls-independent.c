/*
 * Each mmap() call with MAP_SHARED|MAP_ANONYMOUS creates a new anonymous
 * memory object: stores through one mapping never appear in another made
 * by a separate call.  A kernel that backs every shared anonymous mapping
 * with one object (say, offset 0 of a single /dev/zero-like file) fails:
 * the second mapping shows the first one's bytes instead of zero.  The
 * second mapping is created after the first is filled, and read after it
 * is filled too, so sharing shows whichever way it happens.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "Two MAP_SHARED|MAP_ANONYMOUS mappings made by separate "
		     "mmap() calls are separate objects: a store to one is not "
		     "seen in the other.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_ANONYMOUS (each call "
		     "maps a new anonymous memory object)",
	.profile   = "posix",
);

static void run(void)
{
	size_t len = 2 * page_size;
	unsigned char *a = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE,
				     MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	unsigned char *b;

	fill_pattern(a, 0, len, 1);
	b = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE,
		      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	CHECK_ZERO(b, len);

	fill_pattern(b, 0, len, 2);
	CHECK_PATTERN_SEED(a, 0, len, 1);
}
