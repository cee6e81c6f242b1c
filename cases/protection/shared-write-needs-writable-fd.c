/*
 * A MAP_SHARED mapping made through a descriptor opened read-only cannot
 * be given write access later: mprotect() adding PROT_WRITE fails with
 * EACCES.  (A store would change the object, which the descriptor never
 * allowed.)
 *
 * The object is created read-write, then mapped through a second,
 * O_RDONLY descriptor, so the open mode is the only missing permission;
 * the case runs as any user, root included, since the check is on the
 * descriptor and not on the file's permission bits.  A kernel that checks
 * write access only at mmap() time, not when mprotect() adds it, returns
 * 0 and fails.
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "mprotect() adding PROT_WRITE to a MAP_SHARED mapping of a "
		     "descriptor opened O_RDONLY fails with EACCES.",
	.spec      = "POSIX.1-2024 mprotect(): ERRORS, shall fail: EACCES (prot "
		     "violates the access permission the process has to the "
		     "underlying memory object); DESCRIPTION (PROT_WRITE needs the "
		     "objects opened with write permission unless MAP_PRIVATE)",
	.profile   = "posix",
	.covers    = "C4",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(page_size);
	int rdonly;
	unsigned char *map = map_through_rdonly_fd(&obj, MAP_SHARED, &rdonly);

	CHECK_FAILS(mprotect(map, page_size, PROT_READ | PROT_WRITE), EACCES);
}
