/*
 * madvise(MADV_DONTNEED) acts on the calling process's mapping only: a
 * child that drops the pages of an inherited private anonymous mapping
 * reads zeros there, while the parent, which still refers to the same
 * pages until the child's advice, keeps its bytes.  Both processes read
 * every page before the child advises (so the pages are shared
 * copy-on-write when it does); the child checks that the advice took
 * effect, then exits, and the parent must still read the bytes from
 * before the fork.  Fails under a kernel that frees the shared pages
 * themselves rather than the child's references to them.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "After a forked child's madvise(MADV_DONTNEED) of an inherited "
		     "MAP_PRIVATE|MAP_ANONYMOUS mapping, the child reads zero and "
		     "the parent still reads its bytes.",
	.spec      = "Linux madvise(2): MADV_DONTNEED (subsequent accesses of pages "
		     "in the range succeed, but ... zero-fill-on-demand pages for "
		     "anonymous private mappings; acts on the calling process)",
	.profile   = "linux",
	.covers    = "E6",
);

static void child_dontneed(unsigned char *map, size_t len)
{
	ADVISE(map, len, MADV_DONTNEED);
	CHECK_ZERO(map, len);
}

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	act_across_fork(map, len, CHILD, child_dontneed, PARENT);

	CHECK_PATTERN_SEED(map, 0, len, BEFORE_FORK);
}
