/*
 * One munmap() call that spans two adjacent mappings of different kinds,
 * anonymous memory followed by a shared file mapping, removes both.
 *
 * The two mappings are made adjacent with MAP_FIXED inside the case's
 * reservation: page 0 is private anonymous memory, pages 1 and 2 map the
 * object (MAP_SHARED).  Both are populated, then one call removes pages 0
 * to 2.  A kernel that stops at the end of the first mapping it finds, or
 * that refuses a range covering mappings of different types, fails.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "A single munmap() over an anonymous mapping and the adjacent "
		     "file mapping removes the pages of both.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (\"remove any mappings for "
		     "those entire pages containing any part of the address space\" "
		     "of the range)",
	.profile   = "posix",
	.covers    = "G5",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(2 * page_size);
	unsigned char *base = reserve(3 * page_size);

	SAFE_MMAP(base, page_size, PROT_READ | PROT_WRITE,
		  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	SAFE_MMAP(base + page_size, 2 * page_size, PROT_READ | PROT_WRITE,
		  MAP_SHARED | MAP_FIXED, obj.fd, 0);
	touch_pages(base, 3 * page_size);

	SAFE_MUNMAP(base, 3 * page_size);

	CHECK_UNMAPPED(base, 3 * page_size);
}
