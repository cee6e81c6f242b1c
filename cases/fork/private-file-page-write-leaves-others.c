/*
 * Copy-on-write of a MAP_PRIVATE object mapping works page by page: after
 * a forked child stores to one page, its other pages still show the
 * object.  Both processes read every page (page-cache pages, never
 * written before the fork); the child fills only the last page with a
 * new pattern, and its other pages must still read the object's bytes.  A kernel that turns the whole
 * mapping into private copies at the first fault and fills them wrongly,
 * or redirects the other pages, fails.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "When a forked child stores to one page of an inherited "
		     "MAP_PRIVATE object mapping, its other pages still read the "
		     "object's bytes.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_PRIVATE (modifications "
		     "are visible only to the process); fork(): DESCRIPTION",
	.profile   = "posix",
	.variants  = "file shm memfd",
);

static void store_last_page(unsigned char *map, size_t len)
{
	store_pattern(map + len - page_size, page_size);
}

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE, NULL);

	act_across_fork(map, len, CHILD, store_last_page, CHILD);

	CHECK_PATTERN_SEED(map, 0, len - page_size, BEFORE_FORK);
}
