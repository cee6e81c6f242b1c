/*
 * ftruncate() that shrinks a mapped object discards only what lies past
 * the new end: the pages before it keep their data in a MAP_SHARED
 * mapping made before the truncation, including bytes stored through the
 * mapping and not yet synchronised.  Fails under a kernel that throws
 * away (or reloads from disk) every page of the mapping on a truncation,
 * so that the unsynchronised store is lost or the pages read as zero.
 */
#include "eof.h"

MMAPCTS_CASE(
	.assertion = "After ftruncate() shrinks a mapped object, the pages before "
		     "the new end keep their data, stores included, in an existing "
		     "MAP_SHARED mapping.",
	.spec      = "POSIX.1-2024 ftruncate(): DESCRIPTION (only whole pages beyond "
		     "the new end are discarded); mmap(): MAP_SHARED",
	.profile   = "posix",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(3 * page_size);
	unsigned char *map = SAFE_MMAP(NULL, 3 * page_size, PROT_READ | PROT_WRITE,
				       MAP_SHARED, obj.fd, 0);

	touch_pages(map, 3 * page_size);
	fill_pattern(map + page_size, page_size, page_size, 1);
	SAFE_FTRUNCATE(obj.fd, (off_t)(2 * page_size));

	CHECK_PATTERN(map, 0, page_size);
	CHECK_PATTERN_SEED(map + page_size, page_size, page_size, 1);
}
