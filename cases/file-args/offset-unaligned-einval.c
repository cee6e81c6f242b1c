/*
 * Linux refuses an offset that is not a multiple of the page size with
 * EINVAL.  The offset is half a page into a two-page object, every other
 * argument is valid (MAP_SHARED, PROT_READ, a descriptor open for
 * reading), so the offset is the only thing to refuse.  Fails under a
 * kernel or libc that rounds the offset down and maps (showing bytes
 * from before the offset asked for), or reports another errno.  POSIX.1-
 * 2024 lists this EINVAL under "may fail", hence the linux profile;
 * offset-unaligned-refused-einval holds the POSIX rule.
 */
#include "file-args.h"

MMAPCTS_CASE(
	.assertion = "mmap() with an offset that is not a multiple of the page size "
		     "fails with EINVAL.",
	.spec      = "Linux mmap(2): DESCRIPTION (offset must be a multiple of the "
		     "page size); ERRORS, EINVAL",
	.profile   = "linux",
	.covers    = "L7",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(2 * page_size);

	CHECK_MAP_FAILS(mmap(NULL, page_size, PROT_READ, MAP_SHARED, obj.fd,
			     (off_t)(page_size / 2)), EINVAL);
}
