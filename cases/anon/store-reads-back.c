/*
 * A store to private anonymous memory stays there: every page reads back
 * exactly what was stored into it.  Each page gets bytes of its own (the
 * pattern differs in every page and position), so a kernel that backs
 * several pages with one frame (a zero page left mapped writable, a
 * wrong page-table index), or that drops a dirty page, fails at the first
 * page that reads back another page's bytes or zero.  The stores go to all
 * pages before any is read back, so every page must hold its own data at
 * the same time.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "Each page of a MAP_PRIVATE|MAP_ANONYMOUS mapping reads back "
		     "the bytes last stored into it.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_ANONYMOUS, MAP_PRIVATE "
		     "(modifications are visible to the calling process)",
	.profile   = "posix",
);

static void run(void)
{
	size_t len = 16 * page_size;
	unsigned char *p = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE,
				     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	fill_pattern(p, 0, len, 1);

	CHECK_PATTERN_SEED(p, 0, len, 1);
}
