/*
 * A MAP_SHARED mapping with PROT_WRITE needs a descriptor open for
 * writing: on one open for reading only, mmap() fails with EACCES.  The
 * descriptor is readable, so the missing write access is the only error
 * condition.  The case runs as root too: the rule is about the
 * descriptor's access mode, not the file's permission bits.  Fails under
 * a kernel that checks permission bits instead, or that quietly maps the
 * pages read-only (or writable) instead of refusing.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "mmap() with PROT_WRITE and MAP_SHARED of a descriptor open "
		     "for reading only fails with EACCES.",
	.spec      = "POSIX.1-2024 mmap(): ERRORS, EACCES (\"fildes is not open for "
		     "write and PROT_WRITE was specified for a MAP_SHARED type "
		     "mapping\")",
	.profile   = "posix",
	.covers    = "C3",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(page_size);
	int fd = reopen_object(&obj, O_RDONLY);

	CHECK_MAP_FAILS(mmap(NULL, page_size, PROT_READ | PROT_WRITE, MAP_SHARED,
			     fd, 0), EACCES);
}
