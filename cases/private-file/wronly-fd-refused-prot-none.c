/*
 * A descriptor open for writing only cannot be mapped even with
 * PROT_NONE: EACCES, "regardless of the protection specified".  PROT_NONE
 * asks for no access at all, so a kernel that derives the permission it
 * checks from prot finds nothing to check and lets the mapping through;
 * it fails here.  (The mapping could later be given read access with
 * mprotect().)
 *
 * No shm variant: shm_open() takes only O_RDONLY or O_RDWR.
 */
#include "private-file.h"

MMAPCTS_CASE(
	.assertion = "mmap() with PROT_NONE and MAP_PRIVATE of a descriptor open "
		     "for writing only fails with EACCES.",
	.spec      = "POSIX.1-2024 mmap(): ERRORS, EACCES (\"fildes is not open for "
		     "read, regardless of the protection specified\")",
	.profile   = "posix",
	.covers    = "B5",
	.variants  = "file memfd",
);

static void run(void)
{
	check_wronly_private_refused(PROT_NONE);
}
