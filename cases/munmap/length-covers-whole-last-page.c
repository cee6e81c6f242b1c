/*
 * munmap() works on whole pages: a length that ends part-way into a page
 * removes that whole page, and nothing beyond it.
 *
 * Three pages are mapped and munmap() is given one page plus one byte, so
 * its range ends one byte into the second page.  The check probes the LAST
 * byte of that second page, the one farthest from the range: a kernel (or
 * a libc wrapper) that truncated the length to whole pages leaves the
 * second page mapped and fails; the third page, which holds no byte of the
 * range, must still be there, so a kernel that rounded up one page too
 * many fails too.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "munmap() with a length that is not a multiple of the page size "
		     "removes the whole page holding the last byte of the range, and "
		     "no page after it.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (\"remove any mappings for "
		     "those entire pages containing any part of the address space\")",
	.profile   = "posix",
);

static void run(void)
{
	unsigned char *map = SAFE_MMAP(NULL, 3 * page_size, PROT_READ | PROT_WRITE,
				       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned char *partial = map + page_size, *beyond = map + 2 * page_size;

	memset(map, 1, 3 * page_size);

	SAFE_MUNMAP(map, page_size + 1);

	CHECK_READ_FAULTS(partial + page_size - 1, SIGSEGV, SEGV_MAPERR);
	CHECK_READ_OK(beyond);
}
