/*
 * The address mmap() returns for anonymous memory is a multiple of the
 * page size, whatever the length asked for.  Mappings are made of whole
 * pages, and munmap() and mprotect() accept only page-aligned addresses,
 * so an address inside a page would leave the caller unable to unmap
 * what it got.  The case asks for lengths that are and are not page
 * multiples (1 byte, a page less one, a page, a page plus one, several
 * pages plus a few bytes), private and shared: an implementation that
 * carves small anonymous mappings out of a larger block (a libc
 * emulating MAP_ANONYMOUS with malloc(), say) returns an unaligned
 * address for one of them and fails.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "mmap() of MAP_ANONYMOUS memory returns a page-aligned "
		     "address for every length, private or shared.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (the system performs mapping "
		     "operations over whole pages); munmap(): ERRORS, [EINVAL] "
		     "(addr is not a multiple of the page size)",
	.profile   = "posix",
	.covers_part = "A1 A2",
);

static void run(void)
{
	const size_t lens[] = { 1, page_size - 1, page_size, page_size + 1,
				3 * page_size + 5 };
	const int types[] = { MAP_PRIVATE, MAP_SHARED };

	for (size_t t = 0; t < sizeof(types) / sizeof(types[0]); t++)
		for (size_t i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
			void *p = SAFE_MMAP(NULL, lens[i], PROT_READ | PROT_WRITE,
					    types[t] | MAP_ANONYMOUS, -1, 0);

			CHECK_EQ((uintptr_t)p % page_size, 0);
		}
}
