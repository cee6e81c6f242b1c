/*
 * A page removed by munmap() before fork() is not part of the child's
 * address space either: the child inherits the hole, not the old page.
 *
 * Three pages holding the pattern are mapped and the middle one is
 * unmapped; the process then forks and the child references the hole.  A
 * kernel whose unmap left page-table entries or a stale record of the
 * mapping behind, which fork() then copies into the child, fails: the
 * child reads the old page (or a fresh zero page) instead of faulting.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "In a child forked after munmap(), a reference to the "
		     "unmapped page raises SIGSEGV with SEGV_MAPERR.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (\"Further references to "
		     "these pages shall result in the generation of a SIGSEGV "
		     "signal\"); fork(): DESCRIPTION (the child's address space is a "
		     "copy of the parent's)",
	.profile   = "posix",
);

static void child(void *arg)
{
	unsigned char *hole = arg;

	CHECK_UNMAPPED(hole, page_size);
}

static void run(void)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, 3 * page_size, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	SAFE_MUNMAP(map + page_size, page_size);

	run_in_child(child, map + page_size);
}
