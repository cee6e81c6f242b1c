/*
 * MAP_SHARED anonymous memory stays shared across fork(): what the child
 * stores, the parent reads.  The parent maps the memory and touches every
 * page before the fork (so the pages exist and must be shared, not merely
 * created later in common); the child overwrites every page with a pattern
 * and exits; the parent, after wait_child(), reads the pattern back.  A
 * kernel that copies shared anonymous pages on fork (treats them as
 * private, copy-on-write) fails: the parent still reads zero.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "A store by a forked child to inherited MAP_SHARED|"
		     "MAP_ANONYMOUS memory is seen by the parent.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_SHARED, MAP_ANONYMOUS; "
		     "fork(): DESCRIPTION (memory mappings are retained in the child)",
	.profile   = "posix",
);

static size_t len;

static void child(void *arg)
{
	fill_pattern(arg, 0, len, 1);
}

static void run(void)
{
	unsigned char *p;

	len = 4 * page_size;
	p = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE,
		      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	memset(p, 0, len);

	run_in_child(child, p);

	CHECK_PATTERN_SEED(p, 0, len, 1);
}
