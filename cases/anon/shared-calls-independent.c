/*
 * Each mmap() call with MAP_SHARED|MAP_ANONYMOUS creates a new anonymous
 * memory object: stores through one mapping never appear in another made
 * by a separate call.  A kernel that backs every shared anonymous mapping
 * with one object (say, offset 0 of a single /dev/zero-like file) fails:
 * the second mapping shows the first one's bytes instead of zero.  The
 * second mapping is created after the first is filled, and the first is
 * read after the second is filled too, so sharing shows whichever way it
 * happens.
 */
#include "anon.h"

MMAPCTS_CASE(
	.assertion = "Two MAP_SHARED|MAP_ANONYMOUS mappings made by separate "
		     "mmap() calls are separate objects: a store to one is not "
		     "seen in the other.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_ANONYMOUS (each call "
		     "maps a new anonymous memory object)",
	.profile   = "posix",
	.covers_part = "A2",
);

static unsigned char *map_shared_anonymous(size_t len)
{
	return SAFE_MAP_ANON(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED);
}

static void run(void)
{
	CHECK_MAPPINGS_SEPARATE(map_shared_anonymous, 2 * page_size);
}
