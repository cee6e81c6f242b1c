/*
 * mprotect() changes access, never contents: data stored in a page is
 * still there after the page went through PROT_NONE and was made
 * accessible again.
 *
 * The mapping is private and anonymous, so there is no file to reload the
 * data from: an implementation that freed or zeroed pages while they were
 * inaccessible (treating PROT_NONE as a hint to discard, like
 * MADV_DONTNEED) gives zeroes and fails.  Two pages are used so a mix-up
 * of pages shows in the pattern too.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "The contents of a private anonymous mapping are unchanged "
		     "after mprotect(PROT_NONE) followed by "
		     "mprotect(PROT_READ | PROT_WRITE).",
	.spec      = "POSIX.1-2024 mprotect(): DESCRIPTION (mprotect() changes the "
		     "access protections of the pages)",
	.profile   = "posix",
);

static void run(void)
{
	size_t len = 2 * page_size;
	unsigned char *map = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE,
				       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	fill_pattern(map, 0, len, 0);

	SAFE_MPROTECT(map, len, PROT_NONE);
	SAFE_MPROTECT(map, len, PROT_READ | PROT_WRITE);

	CHECK_PATTERN(map, 0, len);
}
