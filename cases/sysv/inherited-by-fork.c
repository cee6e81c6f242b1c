/*
 * A child of fork() inherits the parent's System V shared memory
 * attachment at the same address, shared: it reads the parent's bytes, and
 * the parent reads the child's stores.  It catches a fork() that drops
 * attachments, or copies them as private memory.
 */
#include "sysv.h"

MMAPCTS_CASE(
	.assertion = "A child of fork() has the parent's attached segment at the same "
		     "address, reads its data, and its stores are seen by the parent.",
	.spec      = "POSIX.1-2024 fork(): DESCRIPTION (\"the child process shall inherit "
		     "... attached shared memory segments\")",
	.profile   = "posix",
	.covers    = "C13",
);

static unsigned char *map;

static void child(void *arg)
{
	(void)arg;
	CHECK_INTACT(map, 0, 1);
	fill_pattern(map + page_size, page_size, page_size, 1);
}

static void run(void)
{
	int id;

	map = SHM_PATTERN(2 * page_size, &id);
	run_in_child(child, NULL);
	CHECK_PATTERN_SEED(map + page_size, page_size, page_size, 1);
}
