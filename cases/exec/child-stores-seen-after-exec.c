/*
 * The last stores a child makes to a shared mapping before its execve()
 * stay in the shared memory: the parent reads them after the child's
 * address space is gone.  The parent maps shared anonymous memory and a
 * shared object; the child stores a new pattern into every page of both
 * and immediately re-executes itself (no msync(), no munmap()); once the
 * new image has exited, the parent reads both through its own mappings.
 * A kernel whose exec teardown discards the child's dirty shared pages,
 * or replaces them instead of releasing them, fails: the parent reads the
 * old bytes.
 */
#include "mmapcts.h"
#include "exec.h"

MMAPCTS_CASE(
	.assertion = "After a child's execve(), the parent reads through its "
		     "MAP_SHARED mappings the stores the child made just before "
		     "the exec.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_SHARED (write references "
		     "change the underlying object); exec: DESCRIPTION (memory "
		     "mappings are unmapped)",
	.profile   = "posix",
	.variants  = "file shm memfd",
);

static unsigned char *shared_anon, *shared_object;
static size_t len;

static void store_both(void *arg)
{
	fill_pattern(shared_anon, 0, len, STORED);
	fill_pattern(shared_object, 0, len, STORED);
}

static void run(void)
{
	if (exec_stage())
		return;		/* the child's new image: nothing to do */
	len = 4 * page_size;
	shared_anon = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
				       MAP_SHARED | MAP_ANONYMOUS, NULL);
	shared_object = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED,
					 NULL);

	wait_child(exec_self_in_child(NEW_IMAGE, "", store_both, NULL));

	CHECK_PATTERN_SEED(shared_anon, 0, len, STORED);
	CHECK_PATTERN_SEED(shared_object, 0, len, STORED);
}
