/*
 * mmap() of a regular file fails with EOVERFLOW when off + len goes past
 * the largest offset an off_t holds: off is the last page-aligned offset
 * (itself a valid offset: the file could be that long) and len one page,
 * so only the end of the range overflows.  With a 32-bit off_t (an i386
 * build without large-file support) this is the 2 GiB limit, the case the
 * rule was written for; with a 64-bit off_t it is 2^63 - 1, which a
 * kernel must still check because off + len wraps there.  Fails under an
 * implementation that maps the range (the end wraps to a small or
 * negative offset) or reports another errno.
 *
 * No variants: the rule is stated for regular files (make_object() makes
 * one by default).
 */
#include "eof.h"

MMAPCTS_CASE(
	.assertion = "mmap() of a regular file with off + len past the largest "
		     "value of off_t fails with EOVERFLOW.",
	.spec      = "POSIX.1-2024 mmap(): ERRORS, [EOVERFLOW] (off plus len exceeds "
		     "the offset maximum of a regular file)",
	.profile   = "posix",
	.covers    = "L8",
);

static void run(void)
{
	uint64_t off_max = sizeof(off_t) < 8 ? INT32_MAX : INT64_MAX;
	off_t off = (off_t)(off_max - off_max % page_size);
	struct object obj = make_object(page_size);

	CHECK_MAP_FAILS(mmap(NULL, page_size, PROT_READ, MAP_SHARED, obj.fd, off),
			EOVERFLOW);
}
