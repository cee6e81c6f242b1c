/*
 * A shared anonymous memory object lives as long as any process maps it:
 * when the process that created it unmaps it, a forked child that still
 * maps it keeps reading the bytes stored into it.  The parent stores a
 * pattern after the fork (so the child sees it only through the shared
 * object), unmaps its mapping and only then lets the child look.  A
 * kernel that frees or truncates the object when its creator's mapping
 * goes away fails: the child reads zero, or is killed by a fault, which
 * wait_child() reports as a FAIL.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "After the creating process unmaps MAP_SHARED|MAP_ANONYMOUS "
		     "memory, a forked child that still maps it reads the bytes "
		     "stored into it.",
	.spec      = "POSIX.1-2024 munmap(): DESCRIPTION (only the caller's "
		     "mappings of the range are removed); mmap(): DESCRIPTION, "
		     "MAP_SHARED, MAP_ANONYMOUS",
	.profile   = "posix",
	.covers_part = "E1",
);

static struct sync unmapped;
static size_t len;

static void child(void *arg)
{
	sync_wait(&unmapped);
	CHECK_PATTERN_SEED(arg, 0, len, 1);
}

static void run(void)
{
	unsigned char *p;
	pid_t pid;

	len = 4 * page_size;
	p = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE,
		      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	sync_init(&unmapped);
	pid = start_child(child, p);

	fill_pattern(p, 0, len, 1);
	SAFE_MUNMAP(p, len);
	sync_post(&unmapped);

	wait_child(pid);
}
