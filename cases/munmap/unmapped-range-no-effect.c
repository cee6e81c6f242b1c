/*
 * munmap() of a range that holds no mapping succeeds and does nothing; it
 * is not an error.
 *
 * The range must be guaranteed free while the call runs, so the case makes
 * the hole itself: it reserves three pages and unmaps the middle one.  The
 * hole is then surrounded by the case's own reservation, and nothing maps
 * in between.  A kernel that reports EINVAL or ENOMEM for a range without
 * mappings (as some systems document for "not part of the valid address
 * space") fails here.  The reserved pages on either side are PROT_NONE, so
 * a read of them faults with SEGV_ACCERR while they are mapped; a kernel
 * that removed them too (SEGV_MAPERR) has not left the range alone.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "munmap() of an address range that contains no mappings "
		     "returns 0 and leaves the mappings around it in place.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (\"If there are no mappings "
		     "in the specified address range, then munmap() has no effect\")",
	.profile   = "posix",
);

static void run(void)
{
	unsigned char *space = reserve(3 * page_size);
	unsigned char *hole = space + page_size;

	SAFE_MUNMAP(hole, page_size);

	CHECK_OK(munmap(hole, page_size));
	CHECK_READ_FAULTS(hole - 1, SIGSEGV, SEGV_ACCERR);
	CHECK_READ_FAULTS(hole + page_size, SIGSEGV, SEGV_ACCERR);
}
