/*
 * munmap() removes a PROT_NONE mapping like any other: the call succeeds
 * and the pages change from "mapped without access" to "not mapped", so a
 * reference raises SIGSEGV with SEGV_MAPERR.
 *
 * Before the unmap a read of the mapping is already refused; only the
 * si_code tells whether the mapping is still there.  A kernel that refuses
 * to unmap an inaccessible mapping (EACCES, EPERM) fails on the call; one
 * that reports success but leaves the PROT_NONE mapping in place faults
 * with SEGV_ACCERR and fails on the check.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "munmap() of a PROT_NONE mapping succeeds, and a read of its "
		     "pages then raises SIGSEGV with SEGV_MAPERR.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (removes \"any mappings\" "
		     "in the range, whatever their protection); <signal.h>: "
		     "SEGV_MAPERR",
	.profile   = "posix",
	.covers    = "G1",
	.covers_part = "G2",
);

static void run(void)
{
	size_t len = 2 * page_size;
	unsigned char *map = SAFE_MMAP(NULL, len, PROT_NONE,
				       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK_OK(munmap(map, len));
	CHECK_UNMAPPED(map, len);
}
