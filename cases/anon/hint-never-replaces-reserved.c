/*
 * Without MAP_FIXED, the address argument is only a hint: mmap() never
 * places the new mapping over an existing one, wherever the hint points.
 * The case reserves a range (PROT_NONE, so it is a mapping like any other)
 * and asks for anonymous memory with hints at its first page, its middle
 * and its last page (the last with a length running past its end), plus
 * one page before it with a length running into it.  Every returned range
 * must lie wholly outside the reservation.  A kernel that treats a hint as
 * MAP_FIXED, or trusts a hint that fits only partly, fails, naming the
 * hint whose mapping overlapped.
 */
#include "anon.h"

MMAPCTS_CASE(
	.assertion = "mmap() of MAP_ANONYMOUS memory without MAP_FIXED never "
		     "returns a range overlapping an existing mapping, whatever "
		     "the hint.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (when the implementation "
		     "selects pa, it never replaces any extant mapping)",
	.profile   = "posix",
	.covers    = "A9",
	.covers_part = "K9",
);

static void run(void)
{
	size_t rlen = 16 * page_size, len = 4 * page_size;
	unsigned char *r = reserve(rlen);
	unsigned char *hints[] = { r, r + 8 * page_size, r + 15 * page_size,
				   r - page_size };

	for (size_t i = 0; i < sizeof(hints) / sizeof(hints[0]); i++) {
		unsigned char *p = SAFE_MMAP(hints[i], len, PROT_READ | PROT_WRITE,
					     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (ranges_overlap(p, len, r, rlen))
			FAIL("the mapping for hint %zu (reservation %+jd pages) "
			     "overlaps the reservation", i,
			     (intmax_t)((hints[i] - r) / (ptrdiff_t)page_size));
		SAFE_MUNMAP(p, len);
	}
}
