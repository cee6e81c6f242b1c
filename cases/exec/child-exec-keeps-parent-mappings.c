/*
 * A child's execve() replaces the child's address space only: the
 * parent's mappings - private and shared, anonymous and object - stay as
 * they were, bytes included.  The parent stores a pattern into one
 * mapping of each kind and forks; the child reads every page of each (so
 * at the exec it still shares the private pages with the parent,
 * copy-on-write, and maps the shared ones) and re-executes itself; once
 * the new image has exited, the parent probes and reads every mapping.  A
 * kernel whose exec teardown frees or changes pages the parent still maps
 * - a shared object, or private pages whose copy-on-write reference it
 * drops once too often - fails, naming the mapping: the parent faults or
 * reads foreign bytes.
 */
#include "mmapcts.h"
#include "exec.h"

MMAPCTS_CASE(
	.assertion = "A child's execve() leaves the parent's private and shared "
		     "mappings, anonymous and of objects, with their contents.",
	.spec      = "POSIX.1-2024 exec: DESCRIPTION (the mappings of the process "
		     "that calls exec are unmapped); fork(): DESCRIPTION (memory "
		     "mappings are retained in the child)",
	.profile   = "posix",
	.variants  = "file shm memfd",
);

static unsigned char *maps[KINDS];
static size_t len;

static void read_all(void *arg)
{
	for (int i = 0; i < KINDS; i++)
		touch_pages(maps[i], len);
}

static void run(void)
{
	if (exec_stage())
		return;		/* the child's new image: nothing to do */
	len = 4 * page_size;
	map_each_kind(maps, len);

	wait_child(exec_self_in_child(NEW_IMAGE, "", read_all, NULL));

	check_each_kind_intact(maps, len);
}
