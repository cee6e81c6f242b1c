/*
 * Anonymous memory mapped PROT_NONE and later made readable and writable
 * with mprotect() reads as zero.  This is how allocators and runtimes
 * reserve address space first and commit it later, so the memory must be
 * just as fresh as if it had been mapped writable from the start.  A
 * kernel that gives a PROT_NONE range pages without clearing them
 * (nothing can read them, after all) and keeps those pages when access is
 * granted fails with the first non-zero byte.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "MAP_PRIVATE|MAP_ANONYMOUS memory mapped PROT_NONE reads as "
		     "zero after mprotect() makes it readable and writable.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_ANONYMOUS (initialized "
		     "to all bits zero); mprotect(): DESCRIPTION",
	.profile   = "posix",
	.covers    = "H1",
);

static void run(void)
{
	size_t len = 8 * page_size;
	unsigned char *p = SAFE_MMAP(NULL, len, PROT_NONE,
				     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	SAFE_MPROTECT(p, len, PROT_READ | PROT_WRITE);

	CHECK_ZERO(p, len);
}
