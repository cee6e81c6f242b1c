/*
 * Private anonymous memory starts out all zero, on every page, not just
 * the first one touched.  The case maps several pages and reads every byte
 * of each; a kernel (or a libc emulating MAP_ANONYMOUS) that hands out a
 * page without clearing it - a recycled frame, a pooled buffer - fails
 * with the offset of the first non-zero byte.  Reading before any store
 * matters: a store would fault the page in through the write path and hide
 * a broken read path (such as a shared zero page that is not zero).
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "Every byte of every page of a new MAP_PRIVATE|MAP_ANONYMOUS "
		     "mapping reads as zero.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_ANONYMOUS (anonymous "
		     "memory is initialized to all bits zero)",
	.profile   = "posix",
);

static void run(void)
{
	size_t len = 16 * page_size;
	unsigned char *p = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE,
				     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK_ZERO(p, len);
}
