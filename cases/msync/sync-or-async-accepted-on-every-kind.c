/*
 * msync() with MS_SYNC or MS_ASYNC, with or without MS_INVALIDATE,
 * returns 0 on every kind of mapping mmap() makes: anonymous and file,
 * private and shared, writable (with stores in it) and read-only.  None
 * of the errors POSIX lists applies (no lock, no hole, an aligned
 * address, valid flags), so each call must succeed.  Fails under a
 * system whose msync() refuses what it has nothing to write back
 * (anonymous or private memory, a read-only mapping) or refuses
 * MS_INVALIDATE on memory that is not locked.
 */
#include "msync.h"

MMAPCTS_CASE(
	.assertion = "msync() with MS_SYNC, MS_ASYNC, MS_SYNC|MS_INVALIDATE or "
		     "MS_ASYNC|MS_INVALIDATE returns 0 on anonymous and file, private "
		     "and shared, writable and read-only mappings.",
	.spec      = "POSIX.1-2024 msync(): DESCRIPTION, RETURN VALUE (0 on "
		     "successful completion), ERRORS (none of which applies)",
	.profile   = "posix",
	.covers    = "I1 I7",
	.variants  = "anon-private anon-shared file-private file-shared "
		     "read-only-private read-only-shared",
);

static const int flags[] = {
	MS_SYNC, MS_ASYNC, MS_SYNC | MS_INVALIDATE, MS_ASYNC | MS_INVALIDATE,
};

static void run(void)
{
	check_msync_accepts(flags);
}
