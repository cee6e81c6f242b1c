/*
 * A length that ends part-way into a page makes msync() act on that whole
 * page: when the page is not mapped, the call fails with ENOMEM.  One
 * MAP_SHARED file page is followed by a hole, and msync() of the page and
 * one byte more (or half a page more) must report the hole.  Fails under
 * a kernel or libc that rounds the length down to whole pages, which
 * leaves the partial last page out of every msync().
 */
#include "msync.h"

MMAPCTS_CASE(
	.assertion = "msync() of a range ending part-way into a page that is not "
		     "mapped fails with ENOMEM: the length covers the whole last page.",
	.spec      = "POSIX.1-2024 msync(): DESCRIPTION (\"whole pages containing any "
		     "part\" of the range), ERRORS, shall fail: ENOMEM (the range "
		     "\"specif[ies] one or more pages that are not mapped\")",
	.profile   = "posix",
	.covers_part = "I3 I4",
);

static void run(void)
{
	struct object obj;
	unsigned char *map = shared_with_holes("m.", &obj);

	fill_pattern(map, 0, page_size, 1);

	CHECK_FAILS(msync(map, page_size + 1, MS_SYNC), ENOMEM);
	CHECK_FAILS(msync(map, page_size + page_size / 2, MS_ASYNC), ENOMEM);
}
