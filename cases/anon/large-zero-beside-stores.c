/*
 * In a large private anonymous mapping, a store creates memory that is
 * zero everywhere except where the store went.  The case stores one byte
 * in the middle of every 2 MiB of a 32 MiB mapping before reading
 * anything, so the pages that hold the stores - whole huge pages, where
 * the system backs a write fault in a large mapping with one - are made
 * by write faults; then it reads the whole mapping: the stored bytes must
 * be there and every other byte zero.  A kernel that clears only the
 * small page around the faulting address of a larger page it allocates,
 * or none of it, fails with the first stale byte.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "In a 32 MiB MAP_PRIVATE|MAP_ANONYMOUS mapping written one "
		     "byte per 2 MiB, every byte not written reads as zero.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_ANONYMOUS (anonymous "
		     "memory is initialized to all bits zero)",
	.profile   = "posix",
	.covers_part = "A1",
);

static void run(void)
{
	size_t len = (size_t)32 << 20, step = (size_t)2 << 20;
	unsigned char *p = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE,
				     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	for (size_t off = step / 2; off < len; off += step)
		p[off] = 0xa5;

	for (size_t off = step / 2; off < len; off += step) {
		CHECK_EQ(p[off], 0xa5);
		p[off] = 0;
	}
	CHECK_ZERO(p, len);
}
