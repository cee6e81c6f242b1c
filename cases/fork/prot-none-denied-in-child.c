/*
 * A child inherits each mapping with its protection, PROT_NONE included:
 * a shared object mapping the parent made inaccessible cannot be read in
 * the child.  A shared mapping is used because fork() copies nothing for
 * it - the child's entries for the very same pages must still carry the
 * parent's protection.  The parent reads the pages first (so they are
 * present when it forks), then drops all access; the child probes a read
 * of each page.  A fork that rebuilds shared mappings from the object's
 * open mode, or copies present page-table entries with the access they had
 * before mprotect(), fails: the read completes.  POSIX does not name the
 * signal; the one raised is recorded.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "In a forked child, a read of an inherited MAP_SHARED object "
		     "mapping the parent had made PROT_NONE does not complete.",
	.spec      = "POSIX.1-2024 fork(): DESCRIPTION (memory mappings are "
		     "retained in the child); mprotect(): DESCRIPTION (PROT_NONE: "
		     "the data cannot be accessed)",
	.profile   = "posix",
	.variants  = "file shm memfd",
);

static size_t len;

static void child(void *arg)
{
	unsigned char *map = arg;

	for (size_t off = 0; off < len; off += page_size)
		CHECK_READ_DENIED(map + off);
}

static void run(void)
{
	unsigned char *map;

	len = 2 * page_size;
	map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, NULL);
	touch_pages(map, len);
	SAFE_MPROTECT(map, len, PROT_NONE);

	run_in_child(child, map);
}
