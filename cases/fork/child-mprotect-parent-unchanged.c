/*
 * A forked child's mprotect() changes the child's mappings only: after the
 * child has made inherited memory PROT_NONE, the parent still reads and
 * writes it.  Both processes read every page first, so the pages are
 * shared copy-on-write when the child changes its protection; the parent
 * then stores to every page.  A kernel that shares the mapping's
 * description (or its page-table entries) between the processes instead
 * of copying it at fork fails: the parent's store faults.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "After a forked child makes inherited memory PROT_NONE with "
		     "mprotect(), the parent can still write it.",
	.spec      = "POSIX.1-2024 mprotect(): DESCRIPTION (changes the access "
		     "protections of the calling process's pages); fork(): "
		     "DESCRIPTION (the child is a copy of the parent)",
	.profile   = "posix",
);

static void make_inaccessible(unsigned char *map, size_t len)
{
	SAFE_MPROTECT(map, len, PROT_NONE);
}

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	act_across_fork(map, len, CHILD, make_inaccessible, PARENT);

	for (size_t off = 0; off < len; off += page_size)
		CHECK_WRITE_OK(map + off, STORED);
}
