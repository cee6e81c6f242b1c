/*
 * Anonymous memory mapped after an earlier mapping was removed never shows
 * that mapping's bytes.  The case fills a mapping with a non-zero pattern,
 * unmaps it and maps the same length again, several rounds, so that the
 * kernel is most likely to hand the just-freed frames (and often the same
 * addresses) straight back.  A kernel that recycles a freed page without
 * clearing it - or a libc that keeps unmapped memory in a cache and
 * returns it for MAP_ANONYMOUS - fails: the new mapping is not all zero,
 * and the message shows the stale byte.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "A new anonymous mapping is all zero even when it reuses "
		     "memory that a mapping removed just before had filled.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_ANONYMOUS (initialized "
		     "to all bits zero); munmap(): DESCRIPTION",
	.profile   = "posix",
);

static void run(void)
{
	size_t len = 8 * page_size;

	for (unsigned round = 1; round <= 8; round++) {
		unsigned char *p = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE,
					     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		CHECK_ZERO(p, len);
		fill_pattern(p, 0, len, round);
		SAFE_MUNMAP(p, len);
	}
}
