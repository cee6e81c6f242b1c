/*
 * mincore() with a length of 0 succeeds on Linux and writes nothing to
 * the vector (NetBSD refuses it with EINVAL, hence the linux profile).  A
 * mincore() that refuses the empty range fails at the call; one that
 * reports on the page at addr anyway fails on the vector's first entry.
 */
#include "mincore.h"

MMAPCTS_CASE(
	.assertion = "On Linux, mincore(addr, 0, vec) returns 0 and leaves the "
		     "vector alone.",
	.spec      = "Linux mincore(2): ERRORS (EINVAL only for an unaligned addr; "
		     "a length of 0 is an empty range, and the vector needs "
		     "(length+PAGE_SIZE-1) / PAGE_SIZE = 0 bytes)",
	.profile   = "linux",
	.covers    = "M17",
	.needs     = "mincore",
);

static void run(void)
{
	unsigned char *p = stored_pages(1);
	unsigned char *vec = scratch(1);

	vec[0] = VEC_UNWRITTEN;
	CHECK_OK(mincore(p, 0, vec));

	CHECK_EQ(vec[0], VEC_UNWRITTEN);
}
