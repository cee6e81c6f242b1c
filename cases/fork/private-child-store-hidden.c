/*
 * MAP_PRIVATE anonymous memory is copy-on-write across fork(): the child's
 * stores stay in the child.  The parent fills the memory before the fork
 * (so both processes start out referring to the same populated pages),
 * the child overwrites every page with another pattern and exits, and the
 * parent must still read its own bytes.  A kernel that shares private
 * pages between parent and child instead of copying them on the child's
 * store fails at the first byte the child changed.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "A store by a forked child to inherited MAP_PRIVATE|"
		     "MAP_ANONYMOUS memory is not seen by the parent.",
	.spec      = "POSIX.1-2024 fork(): DESCRIPTION (modifications to the data "
		     "in MAP_PRIVATE mappings made by the child shall be visible "
		     "only to the child)",
	.profile   = "posix",
);

static size_t len;

static void child(void *arg)
{
	fill_pattern(arg, 0, len, 2);
}

static void run(void)
{
	unsigned char *p;

	len = 4 * page_size;
	p = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	fill_pattern(p, 0, len, 1);

	run_in_child(child, p);

	CHECK_PATTERN_SEED(p, 0, len, 1);
}
