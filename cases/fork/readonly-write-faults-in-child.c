/*
 * Protections are part of the mappings a child inherits: a page the
 * parent made read-only is read-only in the child too, and a store to it
 * does not complete.  The parent writes the page while it is writable,
 * then mprotect()s it to PROT_READ and forks, so the kernel has a dirty
 * private page to set up copy-on-write for - the case where a fork that
 * copies page-table entries with their old write bit, or a copy-on-write
 * fault path that ignores the protection, goes wrong: the child's store
 * completes and the case fails.  POSIX forbids the store but does not
 * name the signal; the one raised is recorded (Linux: SIGSEGV/SEGV_ACCERR).
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "In a forked child, a store to inherited memory the parent "
		     "had made PROT_READ does not complete.",
	.spec      = "POSIX.1-2024 fork(): DESCRIPTION (memory mappings are "
		     "retained in the child); mprotect(): DESCRIPTION (a store "
		     "without PROT_WRITE is not permitted)",
	.profile   = "posix",
);

static void child(void *arg)
{
	unsigned char *page = arg;

	CHECK_WRITE_DENIED(page);
}

static void run(void)
{
	unsigned char *p = SAFE_MMAP(NULL, page_size, PROT_READ | PROT_WRITE,
				     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	fill_pattern(p, 0, page_size, 1);
	SAFE_MPROTECT(p, page_size, PROT_READ);

	run_in_child(child, p);
}
