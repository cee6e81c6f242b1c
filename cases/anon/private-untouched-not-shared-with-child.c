/*
 * MAP_PRIVATE|MAP_ANONYMOUS memory is not shared with a forked child in
 * either direction, also in pages that did not exist yet at the fork.
 * Nothing is stored before the fork, so there is no page to copy on
 * write: page 0 comes into being by the child's store and page 1 by the
 * parent's, and each must be a page of its own process only.  A kernel
 * that lets both processes fault in one common page for an untouched
 * private range (sharing the new page instead of giving each its own)
 * fails on the side that reads the other's bytes instead of zero.
 * Copy-on-write of pages populated before the fork is the fork group's
 * (fork/private-child-store-hidden, fork/private-parent-store-hidden).
 */
#include "anon.h"

MMAPCTS_CASE(
	.assertion = "Stores to MAP_PRIVATE|MAP_ANONYMOUS memory, made after a "
		     "fork() to pages untouched before it, are seen by neither "
		     "the parent nor the child that did not make them.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_PRIVATE (modifications "
		     "are visible only to the calling process); fork(): "
		     "DESCRIPTION",
	.profile   = "posix",
	.covers    = "E2",
	.covers_part = "E3",
);

static void run(void)
{
	unsigned char *p = SAFE_MMAP(NULL, 2 * page_size, PROT_READ | PROT_WRITE,
				     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK_EXCHANGE_WITH_CHILD(p, 0);
}
