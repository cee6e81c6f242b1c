/*
 * A range emptied by munmap() can be mapped again with MAP_FIXED at the
 * same address, and the new mapping is a fresh one: zero-filled anonymous
 * memory there, not the old mapping's bytes.
 *
 * Layout, one character a page: "mmm" inside the case's reservation, each
 * page holding the pattern; the middle page is unmapped (the case makes
 * sure it is a hole now) and mapped again with MAP_FIXED.  mmap() must
 * return exactly that address, and the page must read as zero.  A kernel
 * that refuses the address (EEXIST, ENOMEM: it still thinks the range is
 * in use) fails on the call; one that revives the old page (stale
 * pattern) fails on the contents.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "After munmap(), mmap() with MAP_FIXED maps the same range "
		     "again at that address, as new zero-filled anonymous memory.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION; mmap(): MAP_FIXED (\"the "
		     "value of pa shall be addr, exactly\"), MAP_ANONYMOUS "
		     "(initialized to all bits zero)",
	.profile   = "posix",
	.covers_part = "K1",
);

static void run(void)
{
	unsigned char *base = lay_out("mmm");
	unsigned char *hole = base + page_size, *again;

	SAFE_MUNMAP(hole, page_size);
	REQUIRE_HOLE(hole, page_size);

	again = CHECK_MAP_OK(mmap(hole, page_size, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0));
	CHECK_PTR_EQ(again, hole);
	CHECK_ZERO(again, page_size);
}
