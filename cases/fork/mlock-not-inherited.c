/*
 * Memory locks are not inherited: a child forked by a process that has
 * locked memory with mlock() starts with nothing locked, although it
 * inherits the locked mapping itself.  POSIX offers no interface that
 * tells whether a page is locked (mincore() reports residency, which a
 * locked page and any recently used page share), so the case reads
 * Linux's count of a process's locked memory, VmLck in /proc/self/status,
 * and is a Linux-profile case for that reason; where the figure is missing
 * it ends UNTESTED.  The parent locks 4 pages and its own count must show
 * them (SAFE_MLOCK(): mlock/locks-counted asserts it); the child must
 * count none.  A fork that copies the locked flag of the mappings
 * fails.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "A child forked after its parent locked memory with mlock() "
		     "has no memory locked.",
	.spec      = "POSIX.1-2024 fork(): DESCRIPTION (memory locks established by "
		     "the parent process through calls to mlockall() or mlock() "
		     "shall not be inherited); Linux proc_pid_status(5): VmLck",
	.profile   = "linux",
	.covers    = "E8",
	.needs     = "mlock",
);

static void child(void *arg)
{
	CHECK_EQ(locked_kb(), 0);
}

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	SAFE_MLOCK(map, len);

	run_in_child(child, NULL);
}
