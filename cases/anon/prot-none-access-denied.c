/*
 * Anonymous memory mapped PROT_NONE can be neither read nor written:
 * POSIX (under the Memory Protection option) permits no access at all,
 * without naming the signal, so the case accepts SIGSEGV or SIGBUS with
 * si_addr in the page and records which (observations "read_denied_by"
 * and "write_denied_by").  Both probes go to pages never touched, and to
 * different pages, so each access is the fault that would create its
 * page: a kernel that maps the zero page readable on a read fault, or
 * allocates a writable zero-fill page on a write fault, whatever the
 * protection of the range, fails - as does one that ignores PROT_NONE
 * altogether.  The exact Linux signal is anon/prot-none-no-access.
 */
#include "anon.h"

MMAPCTS_CASE(
	.assertion = "Neither a read nor a store to MAP_PRIVATE|MAP_ANONYMOUS "
		     "memory mapped PROT_NONE completes.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (with the Memory Protection "
		     "option, no access is permitted where PROT_NONE alone has been "
		     "set)",
	.profile   = "posix",
	.covers    = "A7",
);

static void run(void)
{
	unsigned char *p = SAFE_MMAP(NULL, 2 * page_size, PROT_NONE,
				     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	need_memory_protection();

	CHECK_READ_DENIED(p);
	CHECK_WRITE_DENIED(p + page_size);
}
