/*
 * On x86-64, mmap() with MAP_32BIT places the mapping in the first 2 GiB
 * of the address space, every time.  It catches a kernel or emulator that
 * accepts the flag and ignores it (qemu-user and gVisor have had to
 * implement it specially).
 */
#include "linux-layout.h"

MMAPCTS_CASE(
	.assertion = "On x86-64, each mmap() with MAP_32BIT returns a mapping that ends "
		     "at or below 2 GiB.",
	.spec      = "Linux mmap(2): MAP_32BIT (\"put the mapping into the first 2 "
		     "Gigabytes of the process address space\")",
	.profile   = "linux",
	.covers    = "A5",
);

static void run(void)
{
	const uintptr_t limit = (uintptr_t)1 << 31;
	size_t len = 4 * page_size;

	REQUIRE_X86_64("MAP_32BIT");
	for (int i = 0; i < 4; i++) {
		unsigned char *map = CHECK_MAP_OK(mmap(NULL, len, PROT_READ | PROT_WRITE,
						       MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT,
						       -1, 0));

		CHECK((uintptr_t)map + len <= limit);
		CHECK_ZERO(map, len);
	}
}
