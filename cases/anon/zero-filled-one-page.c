/*
 * A one-page private anonymous mapping reads as zero, every byte of it.
 * The smallest mapping is the one a libc or kernel is likeliest to serve
 * from somewhere other than fresh pages: a pool of small blocks, the tail
 * of a neighbouring mapping it merged with, a recycled frame.  The page is
 * read before anything is stored, so the read path (on Linux, the shared
 * zero page) is what is checked; a page handed out without clearing fails
 * with the offset of the first non-zero byte.  Many pages:
 * anon/zero-filled-many-pages; a large mapping: anon/zero-filled-large.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "Every byte of a new one-page MAP_PRIVATE|MAP_ANONYMOUS "
		     "mapping reads as zero.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_ANONYMOUS (anonymous "
		     "memory is initialized to all bits zero)",
	.profile   = "posix",
	.covers_part = "A1",
);

static void run(void)
{
	unsigned char *p = SAFE_MMAP(NULL, page_size, PROT_READ | PROT_WRITE,
				     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK_ZERO(p, page_size);
}
