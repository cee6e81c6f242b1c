/*
 * A MAP_SHARED|MAP_ANONYMOUS mapping can be made: mmap() succeeds and
 * gives zero-filled memory that a forked child shares - what the child
 * stores, the parent reads.  Many cases lean on shared anonymous memory
 * in their setup (SAFE_MAP_ANON(..., MAP_SHARED), a child reporting
 * through it) and end UNRESOLVED when it breaks; this case is where a
 * broken one is a FAIL.  A system that refuses the mapping (ENOMEM,
 * EINVAL: "anonymous memory can only be private"), or hands out private
 * memory for it, fails.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "mmap(MAP_SHARED|MAP_ANONYMOUS) succeeds and gives "
		     "zero-filled memory that a forked child shares.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_SHARED, MAP_ANONYMOUS; "
		     "fork(): DESCRIPTION (mappings are inherited)",
	.profile   = "posix",
	.covers    = "A2",
);

static size_t len;

static void child_stores(void *map)
{
	fill_pattern(map, 0, len, 1);
}

static void run(void)
{
	len = 2 * page_size;
	unsigned char *map = CHECK_MAP_OK(mmap(NULL, len, PROT_READ | PROT_WRITE,
					       MAP_SHARED | MAP_ANONYMOUS, -1, 0));

	CHECK_ZERO(map, len);
	run_in_child(child_stores, map);
	CHECK_PATTERN_SEED(map, 0, len, 1);
}
