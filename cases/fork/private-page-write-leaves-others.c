/*
 * Copy-on-write works page by page: when a forked child stores to one page
 * of inherited MAP_PRIVATE anonymous memory, the other pages keep the
 * content they share with the parent.  Both processes read every page;
 * the child fills only the first page with a new pattern and then reads
 * the whole mapping: the first page must hold its new bytes and every
 * other page the bytes from before the fork.  A kernel that breaks
 * copy-on-write for the whole mapping at the first fault and gets the
 * other pages wrong (zero, or copies of the wrong page) fails.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "When a forked child stores to one page of inherited "
		     "MAP_PRIVATE|MAP_ANONYMOUS memory, its other pages still read "
		     "the bytes stored before fork().",
	.spec      = "POSIX.1-2024 fork(): DESCRIPTION (modifications made by the "
		     "parent prior to fork() shall be visible to the child; "
		     "modifications made by the child are visible only to the child)",
	.profile   = "posix",
);

static void store_first_page(unsigned char *map, size_t len)
{
	store_pattern(map, page_size);
}

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	act_across_fork(map, len, CHILD, store_first_page, CHILD);

	CHECK_PATTERN_SEED(map, 0, page_size, STORED);
	CHECK_PATTERN_SEED(map + page_size, page_size, len - page_size, BEFORE_FORK);
}
