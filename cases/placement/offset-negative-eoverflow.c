/*
 * Linux refuses a negative offset into a regular file (or a shm or memfd
 * object, regular files of their filesystems) with EOVERFLOW: as an
 * unsigned page offset it lies beyond the largest offset a file can have.
 * The offset is minus one page (page-aligned, so alignment is not what is
 * refused), every other argument valid.  A kernel or libc that takes the
 * offset modulo something, or wraps it to a small one, maps the object
 * and fails; one that reports another errno fails too.  (The end of the
 * range past the largest off_t: eof/offset-past-off-max-eoverflow.)
 */
#include "placement.h"

MMAPCTS_CASE(
	.assertion = "mmap() of a regular file at a negative, page-aligned offset "
		     "fails with EOVERFLOW.",
	.spec      = "Linux mmap(2): ERRORS, EOVERFLOW (\"the number of pages used "
		     "for length plus number of pages used for offset would overflow\"); "
		     "POSIX.1-2024 mmap(): ERRORS, [EOVERFLOW]",
	.profile   = "linux",
	.covers    = "L8",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(2 * page_size);

	CHECK_MAP_FAILS(mmap(NULL, page_size, PROT_READ, MAP_SHARED, obj.fd,
			     -(off_t)page_size), EOVERFLOW);
}
