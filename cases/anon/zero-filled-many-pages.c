/*
 * New anonymous memory reads as zero on every page, not just the first
 * one touched, whether it is private or shared.  The two kinds come from
 * different places (on Linux, private pages are zero-fill-on-demand pages
 * of the process, shared ones the pages of a new shmem object), so the
 * case maps 16 pages of each and reads every byte of both.  Reading
 * before any store matters: a store would fault a page in through the
 * write path and hide a broken read path (such as a shared zero page that
 * is not zero).  A kernel (or a libc emulating MAP_ANONYMOUS) that hands
 * out a page without clearing it - a recycled frame, a pooled buffer, an
 * old object - fails, naming the mapping ("private" or "shared") and the
 * offset of the first non-zero byte.  One page: anon/zero-filled-one-page;
 * a large mapping: anon/zero-filled-large.
 */
#include "anon.h"

MMAPCTS_CASE(
	.assertion = "Every byte of every page of a new MAP_PRIVATE|MAP_ANONYMOUS "
		     "or MAP_SHARED|MAP_ANONYMOUS mapping reads as zero.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_ANONYMOUS (anonymous "
		     "memory is initialized to all bits zero)",
	.profile   = "posix",
	.covers_part = "A1 A2",
);

static void run(void)
{
	size_t len = 16 * page_size;
	unsigned char *private = SAFE_MAP_ANON(NULL, len, PROT_READ | PROT_WRITE,
					       MAP_PRIVATE);
	unsigned char *shared = SAFE_MAP_ANON(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_SHARED);

	CHECK_ZERO(private, len);
	CHECK_ZERO(shared, len);
}
