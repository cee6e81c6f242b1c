/*
 * Linux leaves a range advised MADV_DONTFORK out of a child's address
 * space: in the child the range is not mapped at all, and a read raises
 * SIGSEGV with SEGV_MAPERR.  The parent maps and fills private memory,
 * advises the whole of it and forks; the child probes every page.  A
 * kernel that ignores the advice (the child reads the bytes) or maps the
 * range inaccessible instead of leaving it out (SEGV_ACCERR) fails.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "In a child forked after madvise(MADV_DONTFORK), the advised "
		     "range is not mapped: a read raises SIGSEGV with SEGV_MAPERR.",
	.spec      = "Linux madvise(2): MADV_DONTFORK (do not make the pages in "
		     "this range available to the child after a fork)",
	.profile   = "linux",
	.covers    = "E6",
	.needs     = "madvise MADV_DONTFORK",
);

static size_t len;

static void child(void *arg)
{
	unsigned char *map = arg;

	for (size_t off = 0; off < len; off += page_size)
		CHECK_READ_FAULTS(map + off, SIGSEGV, SEGV_MAPERR);
}

static void run(void)
{
	unsigned char *map;

	len = 4 * page_size;
	map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, NULL);
	ADVISE(map, len, MADV_DONTFORK);

	run_in_child(child, map);
}
