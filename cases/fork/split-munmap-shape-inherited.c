/*
 * A mapping split by a partial munmap() before fork() is inherited with
 * exactly that shape: in the child the hole is still a hole and the two
 * pieces are still there, each with its own bytes.  The parent maps
 * three pages of an object, unmaps the middle one and forks; the child
 * reads both pieces (probing first) and probes the hole, which must raise
 * SIGSEGV with SEGV_MAPERR as munmap() requires.  A fork that re-creates
 * the original mapping (filling the hole), drops a piece, or shifts the
 * second piece's offset in the object fails.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "After fork(), the child finds a mapping split by a partial "
		     "munmap() as the parent left it: the hole unmapped, each piece "
		     "showing its part of the object.",
	.spec      = "POSIX.1-2024 fork(): DESCRIPTION (memory mappings are "
		     "retained in the child); munmap(): DESCRIPTION (further "
		     "references to removed pages shall result in SIGSEGV)",
	.profile   = "posix",
	.variants  = "file shm memfd",
);

static void child(void *arg)
{
	unsigned char *map = arg;

	CHECK_READ_OK(map);
	CHECK_READ_OK(map + 2 * page_size);
	CHECK_PATTERN_SEED(map, 0, page_size, BEFORE_FORK);
	CHECK_PATTERN_SEED(map + 2 * page_size, 2 * page_size, page_size, BEFORE_FORK);
	CHECK_READ_FAULTS(map + page_size, SIGSEGV, SEGV_MAPERR);
}

static void run(void)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, 3 * page_size, PROT_READ | PROT_WRITE,
					      MAP_SHARED, NULL);

	SAFE_MUNMAP(map + page_size, page_size);

	run_in_child(child, map);
}
