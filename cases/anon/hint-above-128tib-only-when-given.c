/*
 * On x86-64 the address space above 128 TiB (47 bits, 5-level paging) is
 * handed out only to a caller that asks for it with a hint above it:
 * mmap(NULL) lands below 128 TiB even after a high hint was used, and a
 * hint above the boundary is a hint, never an error - with 5-level paging
 * (the CPU flag la57) the mapping is placed there, with 4-level paging the
 * hint is ignored and the mapping lands below.  It catches a kernel that
 * refuses such hints (ENOMEM or EINVAL) and one that gives high addresses
 * to callers that did not ask (which breaks programs that keep tags in the
 * upper pointer bits).
 */
#include "linux-layout.h"

MMAPCTS_CASE(
	.assertion = "On x86-64, mmap() with a hint above 128 TiB succeeds, at or above "
		     "the boundary only with 5-level paging, and mmap() without a hint "
		     "returns an address below 128 TiB.",
	.spec      = "Linux Documentation/arch/x86/x86_64/5level-paging.rst: User-space "
		     "and large virtual address space",
	.profile   = "linux",
	.covers    = "A12",
);

static void run(void)
{
	/* 64-bit arithmetic so that 32-bit builds compile (the case is x86-64 only). */
	const uint64_t boundary = UINT64_C(1) << 47;
	size_t len = 4 * page_size;
	int la57;
	unsigned char *high, *low;

	REQUIRE_X86_64("the 128 TiB boundary");
	la57 = cpu_flag("la57") == 1;
	OBSERVE("five_level_paging", "%s", la57 ? "yes" : "no");
	high = CHECK_MAP_OK(mmap((void *)(uintptr_t)(boundary << 2), len, PROT_READ | PROT_WRITE,
				 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
	low = CHECK_MAP_OK(mmap(NULL, len, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));

	if (la57)
		CHECK((uint64_t)(uintptr_t)high >= boundary);
	else
		CHECK((uint64_t)(uintptr_t)high + len <= boundary);
	CHECK((uint64_t)(uintptr_t)low + len <= boundary);
	CHECK_ZERO(high, len);
}
