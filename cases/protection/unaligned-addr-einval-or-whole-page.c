/*
 * POSIX lets an implementation require a page-aligned address for
 * mprotect() ("may fail" with EINVAL) or accept any address.  Either way
 * the outcome must be coherent: a failure with EINVAL changes no
 * protection (only failures for other reasons may leave some pages
 * changed), and a success changes the whole page that holds the address.
 * Which one this system does is recorded as unaligned_addr.
 *
 * The call asks for one byte at map + 1 to become PROT_READ.  Fails under
 * an implementation that reports another error, that fails with EINVAL
 * but changed the page anyway, or that succeeds without protecting the
 * page (for example by rounding the address up past the byte).
 * unaligned-addr-einval is the Linux case that asserts the EINVAL.
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "mprotect() of an address that is not page-aligned either "
		     "fails with EINVAL and changes nothing, or succeeds and "
		     "changes the whole page holding the address.",
	.spec      = "POSIX.1-2024 mprotect(): DESCRIPTION (\"The implementation may "
		     "require that addr be a multiple of the page size\"; \"When "
		     "mprotect() fails for reasons other than [EINVAL], the "
		     "protections on some of the pages ... may have been "
		     "changed\"); ERRORS, may fail: EINVAL",
	.profile   = "posix",
	.covers_part = "H3",
);

static void run(void)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, page_size, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);
	int ret = mprotect(map + 1, 1, PROT_READ);

	if (ret == 0) {
		OBSERVE("unaligned_addr", "accepted");
		CHECK_WRITE_DENIED(map + page_size - 1);
		return;
	}
	CHECK_FAILS(ret, EINVAL);
	OBSERVE("unaligned_addr", "EINVAL");
	CHECK_WRITE_OK(map + page_size - 1, 1);
}
