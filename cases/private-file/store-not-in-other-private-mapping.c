/*
 * Two MAP_PRIVATE mappings of one object in one process are private from
 * each other: a store through one is not seen through the other.  Both
 * are read before the store, so both show the object's page when the
 * first one copies it; the second must keep showing the object.  Fails
 * under a kernel that gives all private mappings of an object one common
 * copy of a written page (copy per object instead of per mapping), or
 * that wrote the store into the object's page both were showing.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "Stores through one MAP_PRIVATE mapping are not visible "
		     "through another MAP_PRIVATE mapping of the same object in "
		     "the same process.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_PRIVATE (modifications "
		     "\"shall not change the underlying object\", which every other "
		     "mapping of it shows until written)",
	.profile   = "posix",
	.covers_part = "B11",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 2 * page_size;
	struct object obj = make_object(len);
	unsigned char *a = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE,
				     obj.fd, 0);
	unsigned char *b = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE,
				     obj.fd, 0);

	touch_pages(a, len);
	touch_pages(b, len);
	fill_pattern(a, 0, len, 1);

	CHECK_PATTERN(b, 0, len);
}
