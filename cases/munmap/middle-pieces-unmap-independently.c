/*
 * The two pieces left by unmapping the middle of a mapping are mappings of
 * their own: unmapping the first piece leaves the second mapped, with its
 * contents.
 *
 * A four-page mapping holds the pattern; page 1 is unmapped, then page 0,
 * the whole first piece.  Pages 2 and 3, the second piece, must be
 * untouched.  A kernel whose split leaves the pieces sharing bookkeeping
 * (so removing one piece removes or clears the other) fails.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "After the middle of a mapping is unmapped, unmapping the "
		     "piece before the hole leaves the piece after it mapped with "
		     "its contents.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (removes the mappings of the "
		     "pages containing part of the range, and only those)",
	.profile   = "posix",
	.covers    = "G6",
);

static void run(void)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, 4 * page_size, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	SAFE_MUNMAP(map + page_size, page_size);
	SAFE_MUNMAP(map, page_size);

	CHECK_INTACT(map, 2, 2);
}
