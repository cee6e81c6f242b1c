/*
 * Anonymous memory mapped with MAP_FIXED over an existing anonymous
 * mapping replaces it with a new, zero-filled object: the old bytes are
 * gone.  The case fills a mapping inside its own reservation, maps new
 * anonymous memory over exactly the same range, and reads it.  A kernel
 * that keeps the pages of the replaced mapping (changes the mapping's
 * attributes but not its memory, the fast path for an identical range)
 * fails with the first old byte it shows.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "MAP_ANONYMOUS memory mapped with MAP_FIXED over a filled "
		     "anonymous mapping reads as zero, not the replaced bytes.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (the new mapping replaces "
		     "any previous mappings for those whole pages), MAP_ANONYMOUS "
		     "(initialized to all bits zero)",
	.profile   = "posix",
	.covers    = "K3",
);

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *r = reserve(len);

	SAFE_MMAP(r, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
		  -1, 0);
	fill_pattern(r, 0, len, 1);

	SAFE_MMAP(r, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
		  -1, 0);

	CHECK_ZERO(r, len);
}
