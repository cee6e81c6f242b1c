/*
 * /dev/zero mapped behaves like anonymous memory, starting with its
 * contents: every byte of a fresh mapping reads as zero, MAP_PRIVATE
 * (Linux makes it private anonymous memory) and MAP_SHARED (Linux backs
 * it with a new shared memory object, not with the device) alike.
 * Sixteen pages of each are checked, so a kernel that hands out pages
 * with stale contents, or maps one zero page shared and writable, fails.
 * Mapping /dev/zero is the historical (SVR4) way to get anonymous memory;
 * POSIX does not specify it, hence the linux profile.
 */
#include "file-args.h"

MMAPCTS_CASE(
	.assertion = "Fresh MAP_PRIVATE and MAP_SHARED mappings of /dev/zero read "
		     "as zero.",
	.spec      = "Linux zero(4) (reads give zero bytes); Linux mmap(2): "
		     "MAP_ANONYMOUS (zero-initialised; /dev/zero is its older form)",
	.profile   = "linux",
	.covers    = "A3",
);

static void run(void)
{
	size_t len = 16 * page_size;

	CHECK_ZERO(SAFE_MAP_DEV_ZERO(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE),
				     len);
	CHECK_ZERO(SAFE_MAP_DEV_ZERO(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED), len);
}
