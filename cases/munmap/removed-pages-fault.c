/*
 * After munmap() succeeds, every page of the range is gone: a reference to
 * any of them raises SIGSEGV with si_code SEGV_MAPERR (no mapping), not
 * SEGV_ACCERR (a mapping without access).
 *
 * The pages are written first so that each one is really present before
 * the unmap; a kernel that only dropped the first page's entry, or left
 * populated pages reachable until a TLB flush that never comes, fails on
 * the page it left behind.  A kernel that turned the range into an
 * inaccessible mapping (PROT_NONE) instead of removing it fails on the
 * si_code.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "After munmap(), a reference to any page of the unmapped range "
		     "raises SIGSEGV with si_code SEGV_MAPERR.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (\"Further references to "
		     "these pages shall result in the generation of a SIGSEGV "
		     "signal\"); <signal.h>: SEGV_MAPERR",
	.profile   = "posix",
);

static void run(void)
{
	size_t npages = 3;
	unsigned char *map = SAFE_MMAP(NULL, npages * page_size, PROT_READ | PROT_WRITE,
				       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	for (size_t i = 0; i < npages; i++)
		map[i * page_size] = 1;

	SAFE_MUNMAP(map, npages * page_size);

	for (size_t i = 0; i < npages; i++)
		CHECK_READ_FAULTS(map + i * page_size, SIGSEGV, SEGV_MAPERR);
}
