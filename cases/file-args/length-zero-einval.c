/*
 * mmap() of an object with len 0 fails with EINVAL.  Everything else in
 * the call is valid (a one-page object, offset 0, MAP_SHARED, PROT_READ
 * on a descriptor open for reading and writing), so the length is the
 * only thing to refuse.  Fails under an implementation that returns a
 * mapping (of nothing, or of a page) or the address hint, as Linux did
 * before 2.6.12, or reports another errno.  anon/length-zero-einval checks
 * the same for anonymous memory, where no descriptor is involved.
 */
#include "file-args.h"

MMAPCTS_CASE(
	.assertion = "mmap() of an object with len 0 fails with EINVAL.",
	.spec      = "POSIX.1-2024 mmap(): ERRORS, [EINVAL] (len is zero)",
	.profile   = "posix",
	.covers    = "L1",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(page_size);

	CHECK_MAP_FAILS(mmap(NULL, 0, PROT_READ, MAP_SHARED, obj.fd, 0), EINVAL);
}
