/*
 * Linux refuses MAP_FIXED at an address that is not a multiple of the page
 * size with EINVAL, and maps nothing.  The address is one byte, half a
 * page, and a page less one byte into a page of the case's reservation;
 * every other argument is valid.  After each refusal the reservation's
 * page is still the reservation's (PROT_NONE: a read is SEGV_ACCERR), so a
 * kernel or libc that rounds the address down and maps there fails twice
 * over, on the call and on the page.  POSIX lists this EINVAL under "may
 * fail" and has the application keep addr aligned, hence the linux
 * profile.  No variants: the address is checked before the backing is
 * looked at, and one backing per address is enough to show it.
 */
#include "placement.h"

MMAPCTS_CASE(
	.assertion = "mmap() with MAP_FIXED at an address that is not a multiple "
		     "of the page size fails with EINVAL and maps nothing.",
	.spec      = "Linux mmap(2): ERRORS, EINVAL (\"We don't like addr, length, or "
		     "offset (e.g., they are too large, or not aligned on a page "
		     "boundary)\"); POSIX.1-2024 mmap(): ERRORS, may fail, [EINVAL]",
	.profile   = "linux",
	.covers    = "K2",
	.variants  = "anon file",
);

static void run(void)
{
	unsigned char *r = reserve(4 * page_size), *page = r + page_size;
	const size_t into[] = { 1, page_size / 2, page_size - 1 };
	struct backing b = variant_backing(2 * page_size);

	for (size_t i = 0; i < sizeof(into) / sizeof(into[0]); i++) {
		CHECK_MAP_FAILS(mmap(page + into[i], page_size, PROT_READ | PROT_WRITE,
				     MAP_PRIVATE | MAP_FIXED | b.flags, b.fd, 0), EINVAL);
		CHECK_READ_FAULTS(page, SIGSEGV, SEGV_ACCERR);
		CHECK_READ_FAULTS(page + page_size, SIGSEGV, SEGV_ACCERR);
	}
}
