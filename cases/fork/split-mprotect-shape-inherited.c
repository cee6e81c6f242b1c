/*
 * A mapping split by a partial mprotect() before fork() is inherited with
 * exactly that shape: the child finds the middle page read-only and the
 * pages on either side still writable.  The parent maps three pages,
 * makes only the middle one PROT_READ and forks; the child probes a
 * store to each page.  A fork that copies the mapping as it was first
 * created (one protection for all three pages), applies the middle
 * page's protection to its neighbours, or loses a piece, fails.  POSIX
 * does not name the signal of the refused store; it is recorded.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "After fork(), the child finds a mapping split by a partial "
		     "mprotect() with the same protection on each page as the "
		     "parent.",
	.spec      = "POSIX.1-2024 fork(): DESCRIPTION (memory mappings are "
		     "retained in the child); mprotect(): DESCRIPTION (protections "
		     "of whole pages)",
	.profile   = "posix",
);

static void child(void *arg)
{
	unsigned char *map = arg;

	CHECK_WRITE_OK(map, STORED);
	CHECK_WRITE_DENIED(map + page_size);
	CHECK_WRITE_OK(map + 2 * page_size, STORED);
}

static void run(void)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, 3 * page_size, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	SAFE_MPROTECT(map + page_size, page_size, PROT_READ);

	run_in_child(child, map);
}
