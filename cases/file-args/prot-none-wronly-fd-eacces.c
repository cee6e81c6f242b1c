/*
 * A descriptor open for writing only cannot be mapped even with PROT_NONE:
 * mmap() requires read access to the file "regardless of the protection
 * specified", so the call fails with EACCES although the mapping would
 * allow no access at all.  PROT_NONE with MAP_SHARED is asked for, so the
 * missing read access is the only possible objection.  Fails under an
 * implementation that checks the descriptor against prot only (nothing
 * asked, nothing checked), which would let a later mprotect() read a
 * file through a write-only descriptor.  (private-file/wronly-fd-refused
 * checks PROT_READ.)
 *
 * No shm variant: shm_open() takes only O_RDONLY or O_RDWR.
 */
#include "file-args.h"

MMAPCTS_CASE(
	.assertion = "mmap() with PROT_NONE of a descriptor open for writing only "
		     "fails with EACCES.",
	.spec      = "POSIX.1-2024 mmap(): ERRORS, [EACCES] (fildes not open for "
		     "read, regardless of the protection specified)",
	.profile   = "posix",
	.covers    = "B5",
	.variants  = "file memfd",
);

static void run(void)
{
	struct object obj = make_object(page_size);
	int fd = reopen_object(&obj, O_WRONLY);

	CHECK_MAP_FAILS(mmap(NULL, page_size, PROT_NONE, MAP_SHARED, fd, 0), EACCES);
}
