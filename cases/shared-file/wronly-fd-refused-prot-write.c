/*
 * A descriptor open for writing only cannot be mapped MAP_SHARED even
 * with PROT_WRITE alone: EACCES.  A write-only mapping of a write-only
 * descriptor looks consistent, so a kernel that matches prot against the
 * open mode lets it through and fails here; POSIX requires read access
 * "regardless of the protection specified" (hardware rarely has
 * write-only pages, so such a mapping would be readable anyway).
 *
 * No shm variant: shm_open() takes only O_RDONLY or O_RDWR.
 */
#include "shared-file.h"

MMAPCTS_CASE(
	.assertion = "mmap() with PROT_WRITE alone and MAP_SHARED of a descriptor "
		     "open for writing only fails with EACCES.",
	.spec      = "POSIX.1-2024 mmap(): ERRORS, EACCES (\"fildes is not open for "
		     "read, regardless of the protection specified\")",
	.profile   = "posix",
	.covers    = "B5",
	.variants  = "file memfd",
);

static void run(void)
{
	check_wronly_shared_refused(PROT_WRITE);
}
