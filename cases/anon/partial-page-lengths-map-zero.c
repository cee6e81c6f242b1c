/*
 * mmap() of private anonymous memory accepts any non-zero length, also
 * one below a page or not a page multiple: lengths of 1 byte, a page less
 * one and a page plus one each map (the call is asserted, not set up),
 * and every byte of every page the length reaches reads zero.  A kernel
 * or libc that refuses a length that is not a page multiple (EINVAL, as
 * munmap() and msync() may for an address) fails on the call; one that
 * maps fewer pages than the length reaches, or hands out dirty memory,
 * fails on the read.  The whole last page past the length is
 * anon/length-covers-last-page's rule; the address, anon/address-page-
 * aligned's.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "mmap() of MAP_PRIVATE|MAP_ANONYMOUS memory of 1 byte, of a "
		     "page less one and of a page plus one succeeds, and every page "
		     "the length reaches reads zero.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (any partial page specified "
		     "by the range is included in the mapping operation); Linux "
		     "mmap(2): MAP_ANONYMOUS (the contents are initialized to zero)",
	.profile   = "posix",
	.covers    = "A1",
);

static void run(void)
{
	const size_t lens[] = { 1, page_size - 1, page_size + 1 };

	for (size_t i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
		size_t pages = (lens[i] + page_size - 1) / page_size;
		unsigned char *p = mmap(NULL, lens[i], PROT_READ | PROT_WRITE,
					MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (p == MAP_FAILED)
			FAIL("mmap() of length %zu failed with %s, expected success",
			     lens[i], errno_name(errno));
		CHECK_READ_OK(p + pages * page_size - 1);
		CHECK_ZERO(p, pages * page_size);
	}
}
