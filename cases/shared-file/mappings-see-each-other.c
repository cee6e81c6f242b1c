/*
 * Two MAP_SHARED mappings of one object, at different addresses in the
 * same process, see each other's stores.  Both mappings are read first so
 * each holds its pages before any store; then one page is stored through
 * the first and checked through the second, and another page the other
 * way round.  Both directions are needed: a second mapping that were
 * private in disguise would still see the first one's store (it reads the
 * object), but its own store would not come back.  Fails under a kernel
 * that gives a mapping its own copy of shared pages, or that aliases only
 * the first mapping of an object.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "Stores through one MAP_SHARED mapping of an object are "
		     "visible through another MAP_SHARED mapping of it in the same "
		     "process, in both directions.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_SHARED (\"write "
		     "references shall change the underlying object\")",
	.profile   = "posix",
	.covers    = "C2",
	.covers_part = "C13",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 2 * page_size;
	struct object obj = make_object(len);
	unsigned char *a = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED,
				     obj.fd, 0);
	unsigned char *b = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED,
				     obj.fd, 0);

	touch_pages(a, len);
	touch_pages(b, len);

	fill_pattern(a, 0, page_size, 1);
	CHECK_PATTERN_SEED(b, 0, page_size, 1);

	fill_pattern(b + page_size, page_size, page_size, 2);
	CHECK_PATTERN_SEED(a + page_size, page_size, page_size, 2);
}
