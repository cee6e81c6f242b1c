/*
 * A descriptor open for writing only cannot be mapped with MAP_PRIVATE
 * and PROT_READ|PROT_WRITE either: EACCES.  The descriptor does allow
 * writing, so a kernel that checks the protection against the open mode
 * (PROT_WRITE needs write access, which it has) instead of requiring read
 * access for every mapping lets this one through, and fails here.  A
 * private mapping is filled from the object, so it always reads it.
 *
 * No shm variant: shm_open() takes only O_RDONLY or O_RDWR.
 */
#include "private-file.h"

MMAPCTS_CASE(
	.assertion = "mmap() with PROT_READ|PROT_WRITE and MAP_PRIVATE of a "
		     "descriptor open for writing only fails with EACCES.",
	.spec      = "POSIX.1-2024 mmap(): ERRORS, EACCES (\"fildes is not open for "
		     "read, regardless of the protection specified\")",
	.profile   = "posix",
	.covers    = "B5",
	.variants  = "file memfd",
);

static void run(void)
{
	check_wronly_private_refused(PROT_READ | PROT_WRITE);
}
