/*
 * A MAP_SHARED|MAP_ANONYMOUS object is one object for the process that
 * made it and a forked child: what either stores, the other reads, also
 * in pages that did not exist yet at the fork.  Nothing is stored before
 * the fork, so the pages are created afterwards - page 0 by the child's
 * store, page 1 by the parent's - and each must become a page of the one
 * shared object, not a private copy of the faulting process.  A kernel
 * that gives each process its own zero-fill page on first touch (treats
 * untouched shared anonymous memory as private) fails on the side that
 * reads zero.  Pages populated before the fork are the fork group's
 * (fork/shared-child-store-seen).
 */
#include "anon.h"

MMAPCTS_CASE(
	.assertion = "Stores to MAP_SHARED|MAP_ANONYMOUS memory, made after a "
		     "fork() to pages untouched before it, are seen by the other "
		     "process, child to parent and parent to child.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_SHARED (write "
		     "references change the underlying object), MAP_ANONYMOUS; "
		     "fork(): DESCRIPTION (mappings are inherited)",
	.profile   = "posix",
	.covers    = "E1",
);

static void run(void)
{
	unsigned char *p = SAFE_MMAP(NULL, 2 * page_size, PROT_READ | PROT_WRITE,
				     MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	CHECK_EXCHANGE_WITH_CHILD(p, 1);
}
