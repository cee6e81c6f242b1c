/*
 * The parent's mprotect() after fork() leaves the child's mapping as it
 * was: when the parent makes inherited shared memory read-only, the child
 * can still store to it.  Shared anonymous memory is used so that both
 * processes map the very same pages (nothing is copy-on-write); both read
 * every page, the parent drops PROT_WRITE, and the child, still alive,
 * stores to every page.  A kernel that changes the protection in page
 * tables or mapping structures the processes share fails: the child's
 * store faults.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "After the parent makes MAP_SHARED memory read-only with "
		     "mprotect() following fork(), the child can still write it.",
	.spec      = "POSIX.1-2024 mprotect(): DESCRIPTION (changes the access "
		     "protections of the calling process's pages); fork(): "
		     "DESCRIPTION",
	.profile   = "posix",
);

static void make_read_only(unsigned char *map, size_t len)
{
	SAFE_MPROTECT(map, len, PROT_READ);
}

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_SHARED | MAP_ANONYMOUS, NULL);

	act_across_fork(map, len, PARENT, make_read_only, CHILD);

	for (size_t off = 0; off < len; off += page_size)
		CHECK_WRITE_OK(map + off, STORED);
}
