/*
 * POSIX constrains off to page multiples and lets mmap() refuse another
 * offset ("may fail"); an implementation that refuses one says EINVAL.
 * The case offers an offset one byte past a page boundary with every other
 * argument valid; a mapping made anyway is recorded
 * ("unaligned_offset_mapped=yes") and accepted, a refusal must carry
 * EINVAL.  Fails under an implementation that refuses with another errno
 * (ENXIO, EOVERFLOW, ...), which a portable program cannot recognise.
 */
#include "file-args.h"

MMAPCTS_CASE(
	.assertion = "If mmap() refuses an offset that is not a multiple of the "
		     "page size, it fails with EINVAL.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (off is constrained to page "
		     "multiples); ERRORS, may fail, [EINVAL]",
	.profile   = "posix",
	.covers_part = "L7",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(2 * page_size);

	CHECK_MAPS_OR_FAILS(mmap(NULL, page_size, PROT_READ, MAP_PRIVATE, obj.fd,
				 (off_t)(page_size + 1)),
			    page_size, "unaligned_offset_mapped", EINVAL);
}
