/*
 * mmap() of an object with flags holding neither MAP_PRIVATE nor
 * MAP_SHARED (flags 0) fails with EINVAL: a mapping must say how stores
 * behave.  The rest of the call is valid, so the flags are the only thing
 * to refuse.  Fails under an implementation that picks a default sharing
 * type (as some historical systems did with MAP_FILE alone), or reports
 * another errno.
 */
#include "file-args.h"

MMAPCTS_CASE(
	.assertion = "mmap() of an object with neither MAP_PRIVATE nor MAP_SHARED in "
		     "flags fails with EINVAL.",
	.spec      = "POSIX.1-2024 mmap(): ERRORS, [EINVAL] (neither MAP_PRIVATE nor "
		     "MAP_SHARED is set)",
	.profile   = "posix",
	.covers_part = "L2",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(page_size);

	CHECK_MAP_FAILS(mmap(NULL, page_size, PROT_READ, 0, obj.fd, 0), EINVAL);
}
