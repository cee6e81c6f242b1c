/*
 * A child's execve() replaces the child's address space only: the parent's
 * mappings stay as they were, and a MAP_SHARED anonymous mapping holds
 * the child's last stores from before the exec.  The child reads every
 * page of a private mapping (so at the exec it still shares those pages
 * with the parent, copy-on-write), stores a pattern into every page of a
 * shared one, and re-executes itself; the parent, once the new image has
 * exited, reads both.  A kernel whose exec teardown frees pages the parent
 * still maps - the shared anonymous object, or private pages whose
 * copy-on-write reference it drops once too often - fails: the parent
 * reads zero or foreign bytes.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "A child's execve() leaves the parent's mappings intact; a "
		     "MAP_SHARED anonymous mapping holds the child's stores from "
		     "before the exec.",
	.spec      = "POSIX.1-2024 exec: DESCRIPTION (the mappings of the process "
		     "that calls exec are unmapped); fork(): DESCRIPTION; mmap(): "
		     "DESCRIPTION, MAP_SHARED, MAP_ANONYMOUS",
	.profile   = "posix",
);

static size_t len;
static unsigned char *private_anon, *shared_anon;

static void child(void *arg)
{
	for (size_t off = 0; off < len; off += page_size)
		(void)((volatile unsigned char *)private_anon)[off];
	fill_pattern(shared_anon, 0, len, 2);
	exec_self("new-image", "");
}

static void run(void)
{
	int prot = PROT_READ | PROT_WRITE;

	if (exec_stage())
		return;		/* the child's new image: nothing to do */
	len = 4 * page_size;
	private_anon = SAFE_MMAP(NULL, len, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	shared_anon = SAFE_MMAP(NULL, len, prot, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	fill_pattern(private_anon, 0, len, 1);
	memset(shared_anon, 0, len);

	run_in_child(child, NULL);

	CHECK_PATTERN_SEED(private_anon, 0, len, 1);
	CHECK_PATTERN_SEED(shared_anon, 0, len, 2);
}
