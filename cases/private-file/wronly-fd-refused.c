/*
 * A descriptor open for writing only cannot be mapped, whatever the
 * protection: mmap() fails with EACCES.  PROT_READ with MAP_PRIVATE is
 * asked for, so the descriptor's missing read access is the only error
 * condition.  Fails under a kernel that checks only write access (or the
 * file's permission bits, which root passes anyway) and so lets a
 * write-only descriptor read the object through a mapping.
 *
 * No shm variant: shm_open() takes only O_RDONLY or O_RDWR.
 */
#include "private-file.h"

MMAPCTS_CASE(
	.assertion = "mmap() of a descriptor open for writing only fails with "
		     "EACCES.",
	.spec      = "POSIX.1-2024 mmap(): ERRORS, EACCES (\"fildes is not open for "
		     "read, regardless of the protection specified\")",
	.profile   = "posix",
	.covers    = "B5",
	.variants  = "file memfd",
);

static void run(void)
{
	check_wronly_private_refused(PROT_READ);
}
