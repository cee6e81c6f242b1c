/*
 * Protections belong to each process's own mappings: a child's mprotect()
 * of a page it shares with its parent does not change the parent's access
 * to it.
 *
 * The page is MAP_SHARED anonymous memory, so parent and child map the
 * very same memory; the child makes its view PROT_READ and stays alive
 * (blocked on the sync) while the parent stores to the page.  A kernel
 * that kept the protection in the shared object, or in page table
 * entries both processes use, refuses the parent's store and fails.  The
 * child makes sure its own view really is read-only (UNRESOLVED if not),
 * so the case cannot pass because the child's call did nothing.
 * (fork/child-mprotect-parent-unchanged checks the same for private
 * memory, fork/parent-mprotect-child-unchanged the other direction.)
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "After a child makes a shared page PROT_READ, a store by the "
		     "parent to the same page still completes.",
	.spec      = "POSIX.1-2024 mprotect(): DESCRIPTION (changes the access "
		     "protections of the pages \"of the process\"); fork(): "
		     "DESCRIPTION",
	.profile   = "posix",
);

static struct sync rendezvous;

static void child(void *page)
{
	SAFE_MPROTECT(page, page_size, PROT_READ);
	if (!probe_write(page, 0x5a).sig)
		UNRESOLVED("the child's mprotect(PROT_READ) did not take effect");
	sync_post(&rendezvous);
	sync_wait(&rendezvous);
}

static void run(void)
{
	unsigned char *page = SAFE_MMAP(NULL, page_size, PROT_READ | PROT_WRITE,
					MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	pid_t pid;

	sync_init(&rendezvous);
	pid = start_child(child, page);
	sync_wait(&rendezvous);

	CHECK_WRITE_OK(page, 0x5a);

	sync_post(&rendezvous);
	wait_child(pid);
}
