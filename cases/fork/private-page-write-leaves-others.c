/*
 * Copy-on-write works page by page, whatever backs the MAP_PRIVATE
 * mapping (variants: anonymous memory, a file, a shm or memfd object):
 * when a forked child stores to one page, the other pages keep what they
 * share with the parent.  Both processes read every page; the child fills
 * only the second page with a new pattern and then reads the whole
 * mapping: that page must hold its new bytes, and the pages before and
 * after it the bytes from before the fork.  A kernel that breaks
 * copy-on-write for the whole mapping at the first fault and gets the
 * other pages wrong (zero, copies of the wrong page, or redirected to
 * another page of the object) fails.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "When a forked child stores to one page of an inherited "
		     "MAP_PRIVATE mapping (anonymous or of an object), its other "
		     "pages still read the bytes from before fork().",
	.spec      = "POSIX.1-2024 fork(): DESCRIPTION (modifications made by the "
		     "parent prior to fork() shall be visible to the child; "
		     "modifications made by the child are visible only to the child); "
		     "mmap(): DESCRIPTION, MAP_PRIVATE",
	.profile   = "posix",
	.covers_part = "E3",
	.variants  = "anon file shm memfd",
);

/* The second page: the pages on both sides of it must stay as they were. */
static void store_second_page(unsigned char *map, size_t len)
{
	(void)len;
	fill_pattern(map + page_size, page_size, page_size, STORED);
}

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE, NULL);

	act_across_fork(map, len, CHILD, store_second_page, CHILD);

	CHECK_PATTERN_SEED(map, 0, page_size, BEFORE_FORK);
	CHECK_PATTERN_SEED(map + page_size, page_size, page_size, STORED);
	CHECK_PATTERN_SEED(map + 2 * page_size, 2 * page_size, 2 * page_size, BEFORE_FORK);
}
