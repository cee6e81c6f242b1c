/*
 * Splitting a MAP_SHARED object mapping with mprotect() keeps each piece
 * mapped to its own part of the object: after the middle page of a
 * three-page mapping becomes read-only, stores through the first and last
 * pages reach the object at offsets 0 and two pages, and the middle of
 * the object is untouched.
 *
 * The piece after the split must carry the right object offset; a kernel
 * that gave the new piece the original mapping's offset writes the last
 * page's bytes at offset 0 (or one page), and the object read back
 * through its own interface shows it.  Each page is written with the
 * pattern of its own offset (seed 3), so any misplacement shows.
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "After mprotect() makes the middle page of a three-page "
		     "MAP_SHARED mapping read-only, stores through the outer pages "
		     "reach the object at those pages' own offsets.",
	.spec      = "POSIX.1-2024 mprotect(): DESCRIPTION; mmap(): DESCRIPTION "
		     "(pages map the object from offset off), MAP_SHARED",
	.profile   = "posix",
	.covers_part = "H6",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 3 * page_size;
	struct object obj = make_object(len);
	unsigned char *map = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED,
				       obj.fd, 0);
	const unsigned char *object;

	SAFE_MPROTECT(map + page_size, page_size, PROT_READ);
	fill_pattern(map, 0, page_size, 3);
	fill_pattern(map + 2 * page_size, 2 * page_size, page_size, 3);

	object = object_contents(&obj, len);
	CHECK_PATTERN_SEED(object, 0, page_size, 3);
	CHECK_PATTERN(object + page_size, page_size, page_size);
	CHECK_PATTERN_SEED(object + 2 * page_size, 2 * page_size, page_size, 3);
}
