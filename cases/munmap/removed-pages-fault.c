/*
 * After munmap() succeeds, every page of the range is gone: a read or a
 * store at any of them raises SIGSEGV with si_code SEGV_MAPERR (no
 * mapping), not SEGV_ACCERR (a mapping without access).
 *
 * Two mappings are removed, private anonymous memory and shared anonymous
 * memory (which is backed by an object of its own, on Linux a shmem file,
 * so its removal goes down the file-backed path).  Every page is written
 * first, so each one is present with a writable translation before the
 * unmap.  A kernel that only dropped the first page's entry, or left
 * populated pages reachable until a TLB flush that never comes, fails on
 * the page it left behind; one that kept shared anonymous pages mapped
 * while their object lives on fails on the shared mapping; one that turned
 * the range into an inaccessible mapping (PROT_NONE) instead of removing
 * it fails on the si_code.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "After munmap() of a private or a shared anonymous mapping, a "
		     "read or a store at any page of it raises SIGSEGV with si_code "
		     "SEGV_MAPERR.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (\"Further references to "
		     "these pages shall result in the generation of a SIGSEGV "
		     "signal\"); <signal.h>: SEGV_MAPERR",
	.profile   = "posix",
	.covers    = "G1 G2",
);

static void run(void)
{
	size_t len = 3 * page_size;
	unsigned char *private_map = SAFE_MAP_PATTERN(NULL, 3 * page_size,
						      PROT_READ | PROT_WRITE,
						      MAP_PRIVATE | MAP_ANONYMOUS, NULL);
	unsigned char *shared_map = SAFE_MAP_PATTERN(NULL, 3 * page_size,
						     PROT_READ | PROT_WRITE,
						     MAP_SHARED | MAP_ANONYMOUS, NULL);

	SAFE_MUNMAP(private_map, len);
	SAFE_MUNMAP(shared_map, len);

	CHECK_UNMAPPED(private_map, len);
	CHECK_UNMAPPED(shared_map, len);
}
