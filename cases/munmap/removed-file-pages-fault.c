/*
 * The pages of a removed file mapping fault like those of anonymous
 * memory: SIGSEGV with SEGV_MAPERR, whether the page lay inside the object
 * or past its end.
 *
 * The object holds two pages and the MAP_SHARED mapping three, so while
 * the mapping exists page 2 is past the end of the object (a reference
 * there would raise SIGBUS).  Pages 0 and 1 are read before the unmap, so
 * they are present.  A kernel that keeps the file's pages reachable after
 * the unmap, or that still routes a reference past the end of the object
 * to the file (SIGBUS, BUS_ADRERR) after the mapping is gone, fails.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "After munmap() of a MAP_SHARED file mapping, a read of any of "
		     "its pages, including those past the end of the object, raises "
		     "SIGSEGV with SEGV_MAPERR.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (\"Further references to "
		     "these pages shall result in the generation of a SIGSEGV "
		     "signal\"); <signal.h>: SEGV_MAPERR",
	.profile   = "posix",
	.covers    = "G1",
	.covers_part = "G2",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(2 * page_size);
	unsigned char *map = SAFE_MMAP(NULL, 3 * page_size, PROT_READ | PROT_WRITE,
				       MAP_SHARED, obj.fd, 0);

	touch_pages(map, 2 * page_size);
	SAFE_MUNMAP(map, 3 * page_size);

	CHECK_UNMAPPED(map, 3 * page_size);
}
