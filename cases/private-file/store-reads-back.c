/*
 * A store through a MAP_PRIVATE mapping is seen by later loads through the
 * same mapping, and changes only the bytes stored.  The page is read first,
 * so the store meets a page already mapped from the object and must take
 * the copy-on-write path; the second page is left alone and must still
 * show the object.  Fails under a kernel whose copy-on-write fault loses
 * the private copy (reinstalls the object's page, or copies the wrong
 * page), so the stored bytes do not read back, or whose copy spills into
 * the neighbouring page.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "Bytes stored through a MAP_PRIVATE mapping read back through "
		     "that mapping, and the bytes not stored still show the object.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_PRIVATE "
		     "(\"modifications to the mapped data ... shall be visible only "
		     "to the calling process\")",
	.profile   = "posix",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 2 * page_size;
	struct object obj = make_object(len);
	unsigned char *map = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE,
				       obj.fd, 0);

	(void)*(volatile unsigned char *)map;	/* map the object's page first */
	fill_pattern(map, 0, page_size, 1);

	CHECK_PATTERN_SEED(map, 0, page_size, 1);
	CHECK_PATTERN(map + page_size, page_size, page_size);
}
