/*
 * Mapping /dev/zero MAP_SHARED is the old (SVR4) way to get shared
 * anonymous memory, and on Linux each mmap() call of it makes a new
 * zero-filled object, even through one descriptor and at the same offset:
 * two such mappings are not shared with each other.  A kernel that treats
 * /dev/zero as one object with a page cache of its own (as for a regular
 * file, where two MAP_SHARED mappings of one offset do see each other)
 * fails: the second mapping shows the first one's bytes.  Both mappings
 * come from the same descriptor at offset 0, and each is filled in turn:
 * the first before the second exists, the second once both exist and
 * both have their pages, so sharing shows whichever way and whenever it
 * happens.  POSIX leaves mmap() of character devices unspecified, hence
 * the linux profile.
 */
#include "anon.h"

MMAPCTS_CASE(
	.assertion = "Two MAP_SHARED mappings of /dev/zero made by separate "
		     "mmap() calls are separate objects: a store to one is not "
		     "seen in the other.",
	.spec      = "Linux zero(4) and mmap(2): a shared mapping of /dev/zero is "
		     "shared anonymous memory, a new object for each mmap() call, "
		     "shared only across fork() (drivers/char/mem.c, mmap_zero)",
	.profile   = "linux",
	.covers    = "A3",
);

static int dev_zero;

static unsigned char *map_dev_zero(size_t len)
{
	return SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, dev_zero, 0);
}

static void run(void)
{
	dev_zero = OPEN_DEV_ZERO(O_RDWR);

	CHECK_MAPPINGS_SEPARATE(map_dev_zero, 2 * page_size);
}
