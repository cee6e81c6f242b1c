/*
 * Two MAP_SHARED mappings of overlapping, unequal ranges of one object
 * see each other's stores at the object offset they share: one maps
 * object pages 0-2, the other pages 1-3, so the same object page sits at a
 * different position in each.  A store through the first mapping's third
 * page must show as the second mapping's second page, and a store through
 * the second mapping's first page as the first mapping's second page.
 * Fails under a kernel that aliases pages by their position in the
 * mapping instead of their object offset, or copies shared pages per
 * mapping.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "Stores through one of two MAP_SHARED mappings of overlapping "
		     "ranges of an object are visible through the other at the "
		     "same object offset, in both directions.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_SHARED (\"write "
		     "references shall change the underlying object\")",
	.profile   = "posix",
	.covers    = "C2",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t span = 3 * page_size;
	struct object obj = make_object(4 * page_size);
	unsigned char *low = SAFE_MMAP(NULL, span, PROT_READ | PROT_WRITE, MAP_SHARED,
				       obj.fd, 0);
	unsigned char *high = SAFE_MMAP(NULL, span, PROT_READ | PROT_WRITE, MAP_SHARED,
					obj.fd, (off_t)page_size);

	touch_pages(low, span);
	touch_pages(high, span);

	fill_pattern(low + 2 * page_size, 2 * page_size, page_size, 1);
	CHECK_PATTERN_SEED(high + page_size, 2 * page_size, page_size, 1);

	fill_pattern(high, page_size, page_size, 2);
	CHECK_PATTERN_SEED(low + page_size, page_size, page_size, 2);
}
