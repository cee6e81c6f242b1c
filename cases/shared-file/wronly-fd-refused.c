/*
 * A descriptor open for writing only cannot be mapped MAP_SHARED with
 * PROT_READ|PROT_WRITE: EACCES, because every mapping needs read access.
 * The descriptor has the write access a writable shared mapping needs, so
 * its missing read access is the only error condition.  Fails under a
 * kernel that checks only the write permission shared mappings add.
 *
 * No shm variant: shm_open() takes only O_RDONLY or O_RDWR.
 */
#include "shared-file.h"

MMAPCTS_CASE(
	.assertion = "mmap() with PROT_READ|PROT_WRITE and MAP_SHARED of a "
		     "descriptor open for writing only fails with EACCES.",
	.spec      = "POSIX.1-2024 mmap(): ERRORS, EACCES (\"fildes is not open for "
		     "read, regardless of the protection specified\")",
	.profile   = "posix",
	.covers    = "B5",
	.variants  = "file memfd",
);

static void run(void)
{
	check_wronly_shared_refused(PROT_READ | PROT_WRITE);
}
