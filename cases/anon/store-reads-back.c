/*
 * A store to anonymous memory stays there: every page reads back exactly
 * what was stored into it, private or shared.  Each page gets bytes of
 * its own (the pattern differs in every page and position, and the shared
 * mapping gets another pattern than the private one), so a kernel that
 * backs several pages with one frame (a zero page left mapped writable, a
 * wrong page-table index, the wrong page of a shared object), or that
 * drops a dirty page, fails at the first page that reads back another
 * page's bytes or zero.  The stores go to all pages of both mappings
 * before any is read back, so every page must hold its own data at the
 * same time.
 */
#include "anon.h"

MMAPCTS_CASE(
	.assertion = "Each page of a MAP_PRIVATE|MAP_ANONYMOUS or MAP_SHARED|"
		     "MAP_ANONYMOUS mapping reads back the bytes last stored "
		     "into it.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_ANONYMOUS, MAP_PRIVATE "
		     "(modifications are visible to the calling process), "
		     "MAP_SHARED (write references change the underlying object)",
	.profile   = "posix",
	.covers_part = "A1 A2",
);

static void run(void)
{
	size_t len = 16 * page_size;
	unsigned char *private = SAFE_MAP_ANON(NULL, len, PROT_READ | PROT_WRITE,
					       MAP_PRIVATE);
	unsigned char *shared = SAFE_MAP_ANON(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_SHARED);

	fill_pattern(private, 0, len, 1);
	fill_pattern(shared, 0, len, 2);

	CHECK_PATTERN_SEED(private, 0, len, 1);
	CHECK_PATTERN_SEED(shared, 0, len, 2);
}
