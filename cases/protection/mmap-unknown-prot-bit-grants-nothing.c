/*
 * mmap() with PROT_READ plus a protection bit outside the defined set
 * either fails with EINVAL or makes a mapping that the undefined bit
 * grants nothing: it reads, and a store to it is refused.  Which one is
 * recorded ("mmap_unknown_prot_bit_refused"), not asserted: POSIX gives
 * mmap() no error for such a bit (prot "shall be either PROT_NONE or the
 * bitwise-inclusive OR" of the defined ones), and Linux ignores
 * undefined bits in mmap() (6.18 maps with every bit from 1 << 3 to
 * 1 << 30), while mprotect() refuses them with EINVAL
 * (unknown-prot-bit-einval, the row's other half).  The bit is 1 << 20,
 * which no Linux architecture defines.  Fails under an implementation
 * that refuses with another errno, or lets the stray bit turn into
 * access (a bit that aliases PROT_WRITE in a protection table).
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "mmap() with PROT_READ and an undefined protection bit either "
		     "fails with EINVAL or maps memory that reads and refuses stores.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (prot shall be PROT_NONE or "
		     "an OR of PROT_READ, PROT_WRITE, PROT_EXEC); Linux mmap(2): "
		     "ERRORS; Linux mprotect(2): ERRORS, EINVAL (invalid flags in prot)",
	.profile   = "posix",
	.covers    = "H7",
);

static void run(void)
{
	const int undefined_bit = 1 << 20;
	unsigned char *map = mmap(NULL, page_size, PROT_READ | undefined_bit,
				  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	OBSERVE("mmap_unknown_prot_bit_refused", "%s", map == MAP_FAILED ? "yes" : "no");
	if (map == MAP_FAILED) {
		CHECK_EQ(errno, EINVAL);
		return;
	}
	CHECK_READ_OK(map);
	CHECK_WRITE_DENIED(map);
}
