/*
 * Private hugetlb memory is copied on write, a huge page at a time:
 *	memfd, hugetlbfs
 *		a MAP_PRIVATE view of a MFD_HUGETLB memfd (or of a file on a
 *		hugetlbfs the case mounts, in a child) sees the object's
 *		bytes (a store through a MAP_SHARED view before its own first
 *		store), and after its own store keeps its copy: the shared view
 *		does not see it, nor does it see the shared view's later stores;
 *	private	MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB memory after fork(): the
 *		child reads the parent's bytes, and its store stays its own.
 * Catches a kernel that maps private hugetlb pages shared (copy-on-write
 * broken).  Needs two free huge pages (the object's, and the copy).
 */
#include "hugepages.h"

MMAPCTS_CASE(
	.assertion = "A store to MAP_PRIVATE hugetlb memory (a memfd's, or anonymous "
		     "memory shared with a child by fork()) is seen by no other view, "
		     "which keeps its bytes; before it, the private view reads the "
		     "object's bytes.",
	.spec      = "Linux mmap(2): MAP_PRIVATE (\"copy-on-write\"), MAP_HUGETLB; "
		     "memfd_create(2): MFD_HUGETLB; fork(2)",
	.profile   = "linux",
	.covers    = "N2",
	.variants  = "memfd hugetlbfs private",
);

static void child_stores(void *arg)
{
	unsigned char *map = arg;

	CHECK_PATTERN_SEED(map, 0, page_size, 1);
	fill_pattern(map, 0, page_size, 2);
	CHECK_PATTERN_SEED(map, 0, page_size, 2);
}

static size_t huge;

/* A shared and a private view of the hugetlbfs file at fd. */
static void views_of(int fd)
{
	unsigned char *shared = SAFE_MMAP(NULL, huge, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	unsigned char *priv = SAFE_MMAP(NULL, huge, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);

	fill_pattern(shared, 0, page_size, 1);
	CHECK_PATTERN_SEED(priv, 0, page_size, 1);	/* the object's bytes */
	fill_pattern(priv, 0, page_size, 2);
	CHECK_PATTERN_SEED(shared, 0, page_size, 1);	/* the private store stays private */
	fill_pattern(shared + page_size, page_size, page_size, 3);
	CHECK_ZERO(priv + page_size, page_size);	/* the copy was made before */
	CHECK_PATTERN_SEED(priv, 0, page_size, 2);
}

static void on_hugetlbfs(void *arg)
{
	views_of(hugetlbfs_file(huge));
}

static void run(void)
{
	unsigned char *priv;

	huge = huge_pages_for_case(2);
	if (variant_is("private")) {
		priv = map_huge("private", huge, huge, 0);
		if (priv == MAP_FAILED)
			FAIL("private MAP_HUGETLB mapping failed: %s", errno_name(errno));
		fill_pattern(priv, 0, page_size, 1);
		run_in_child(child_stores, priv);
		CHECK_PATTERN_SEED(priv, 0, page_size, 1);
		return;
	}
	if (variant_is("hugetlbfs"))
		run_in_child(on_hugetlbfs, NULL);
	else
		views_of(huge_memfd(huge));
}
