/*
 * A store to private anonymous memory mapped PROT_READ only does not
 * succeed (POSIX, under the Memory Protection option; the signal is not
 * named, so SIGSEGV or SIGBUS is accepted and recorded as the observation
 * "write_denied_by").  The page is read first, so on Linux it is the one
 * shared zero page, mapped read-only, that the store hits: a kernel that
 * lets the store through - worst of all into the zero page every process
 * shares - fails, and the page must still read zero afterwards.
 */
#include "anon.h"

MMAPCTS_CASE(
	.assertion = "A store to MAP_PRIVATE|MAP_ANONYMOUS memory mapped "
		     "PROT_READ, already read, does not complete and changes "
		     "nothing.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (with the Memory Protection "
		     "option, no write succeeds where PROT_WRITE has not been set)",
	.profile   = "posix",
	.covers    = "A7",
);

static void run(void)
{
	unsigned char *p = SAFE_MMAP(NULL, page_size, PROT_READ,
				     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	need_memory_protection();
	touch_pages(p, page_size);

	CHECK_WRITE_DENIED(p);
	CHECK_ZERO(p, page_size);
}
