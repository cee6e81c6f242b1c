/*
 * MAP_FIXED at a range the process's address space cannot hold fails.
 * The ranges are the last page of the address space ([-page, 0): the one
 * holding the address MAP_FAILED, whose end wraps to 0) and the page
 * below it ([-2 pages, -page): no wrap, but far above any user address
 * limit of Linux, the BSDs or a 32-bit system with a kernel above it -
 * except s390x, whose user space runs to the last page because its
 * kernel has an address space of its own: there the page is mapped
 * where asked).
 * POSIX names ENOMEM (the range exceeds what the address space allows)
 * and lets an implementation call such an addr invalid (EINVAL, may
 * fail); the errno is recorded (observations "last_page_errno",
 * "next_to_last_page_errno").  A
 * kernel that takes the address as a hint and maps elsewhere, or wraps
 * the end of the range and maps at 0, fails.
 */
#include "placement.h"

MMAPCTS_CASE(
	.assertion = "mmap() with MAP_FIXED at the last pages of the address "
		     "space, above the user address limit, fails with ENOMEM or "
		     "EINVAL.",
	.spec      = "POSIX.1-2024 mmap(): ERRORS, [ENOMEM] (MAP_FIXED was "
		     "specified, and the range [addr,addr+len) exceeds that allowed "
		     "for the address space of a process); may fail, [EINVAL]",
	.profile   = "posix",
	.covers    = "K4",
);

static void run(void)
{
	void *last = (void *)((uintptr_t)0 - page_size);
	void *next_to_last = (void *)((uintptr_t)0 - 2 * page_size);

	CHECK_MAP_FAILS(mmap(last, page_size, PROT_READ | PROT_WRITE,
			     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0), ENOMEM, EINVAL);
	OBSERVE("last_page_errno", "%s", errno_name(errno));

	if (user_space_reaches_top()) {
		unsigned char *top = CHECK_MAP_OK(mmap(next_to_last, page_size,
						       PROT_READ | PROT_WRITE,
						       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
						       -1, 0));

		CHECK(top == next_to_last);
		CHECK_WRITE_OK(top, 1);
		OBSERVE("next_to_last_page_errno", "none: mapped (user space reaches it)");
		return;
	}
	CHECK_MAP_FAILS(mmap(next_to_last, page_size, PROT_READ | PROT_WRITE,
			     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0), ENOMEM, EINVAL);
	OBSERVE("next_to_last_page_errno", "%s", errno_name(errno));
}
