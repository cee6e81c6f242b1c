/*
 * Memory mapped with PROT_WRITE alone (mmap() itself, not an mprotect()
 * afterwards) takes stores, and on Linux also reads, whichever access
 * comes first: page 0 is read first (zero) and then stored to, page 1 is
 * stored to first and then read back.  Reading is asserted, not
 * recorded as write-only-read-permitted-or-refused does for POSIX: no
 * architecture Linux runs on has a write-only page (x86, arm64, riscv
 * and the others give PROT_WRITE the read bit, see the protection_map of
 * each and mmap(2): PROT_WRITE may imply PROT_READ), so a refused read is
 * a kernel that mapped the page without access.  Fails under an
 * implementation that refuses PROT_WRITE alone in mmap(), maps it with
 * no access, or loses the store made after a first read (a read-only
 * zero page never replaced).
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "mmap() of MAP_PRIVATE|MAP_ANONYMOUS memory with PROT_WRITE alone "
		     "succeeds, and a page read first then stored to, and a page "
		     "stored to first then read, both complete and read back the store.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (PROT_WRITE: data can be "
		     "written; an implementation may permit other accesses); Linux "
		     "mmap(2): PROT_WRITE (on some architectures implies PROT_READ)",
	.profile   = "linux",
	.covers    = "A6",
);

static void run(void)
{
	unsigned char *map = CHECK_MAP_OK(mmap(NULL, 2 * page_size, PROT_WRITE,
					       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
	unsigned char *read_first = map, *store_first = map + page_size;

	CHECK_READ_OK(read_first);
	CHECK_EQ(*read_first, 0);
	CHECK_WRITE_OK(read_first, 0xa5);
	CHECK_EQ(*read_first, 0xa5);

	CHECK_WRITE_OK(store_first, 0x5a);
	CHECK_READ_OK(store_first);
	CHECK_EQ(*store_first, 0x5a);
}
