/*
 * munmap() discards the modifications made through a private mapping: a
 * new private mapping of the same object at the same address shows the
 * object's bytes, not the old private copies.
 *
 * The private mapping is made with MAP_FIXED inside the case's
 * reservation, written with a second pattern (seed 1), unmapped, and the
 * same range of the object mapped again at exactly the same address (once
 * the case has made sure the old mapping is gone, so that the new one
 * fills a hole and does not merely replace it).  A kernel that keeps the
 * private copies attached to the address range, or to the object and
 * offset, and hands them to the new mapping fails: the new mapping shows
 * seed 1 instead of the object's pattern.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "After munmap() of a MAP_PRIVATE mapping that was written, a "
		     "new private mapping of the object at the same address shows "
		     "the object's bytes.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (\"If a mapping to be removed "
		     "was private, any modifications made in this address range shall "
		     "be discarded\")",
	.profile   = "posix",
	.covers    = "G7",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 2 * page_size;
	struct object obj = make_object(len);
	unsigned char *base = reserve(len);

	SAFE_MMAP(base, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED,
		  obj.fd, 0);
	fill_pattern(base, 0, len, 1);
	SAFE_MUNMAP(base, len);
	REQUIRE_HOLE(base, len);

	SAFE_MMAP(base, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED,
		  obj.fd, 0);

	CHECK_PATTERN(base, 0, len);
}
