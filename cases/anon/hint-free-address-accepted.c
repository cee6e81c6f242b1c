/*
 * A hint at an address where nothing is mapped is accepted: mmap()
 * succeeds and returns usable, zero-filled, page-aligned memory.  Whether
 * the mapping lands at the hint is the implementation's choice; the case
 * records it (observation "free_hint_honoured": yes or no).  The hint
 * points into a range just unmapped, with free pages on either side, so
 * that a mapping placed at the hint touches nothing else.  An implementation that refuses hints (EINVAL), or returns a
 * range that is not usable memory, fails.
 */
#include "anon.h"

MMAPCTS_CASE(
	.assertion = "mmap() of MAP_ANONYMOUS memory with a hint at a free "
		     "address succeeds with usable zero-filled memory; whether "
		     "the hint is honoured is recorded.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (without MAP_FIXED, addr is "
		     "used in an implementation-defined manner to arrive at pa)",
	.profile   = "posix",
	.covers    = "A9",
);

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *hint = free_range(len), *p;

	p = CHECK_MAP_OK(mmap(hint, len, PROT_READ | PROT_WRITE,
			      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
	OBSERVE("free_hint_honoured", "%s", p == hint ? "yes" : "no");

	CHECK_EQ((uintptr_t)p % page_size, 0);
	CHECK_ZERO(p, len);
	fill_pattern(p, 0, len, 1);
	CHECK_PATTERN_SEED(p, 0, len, 1);
}
