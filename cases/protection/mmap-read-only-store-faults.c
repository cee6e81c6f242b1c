/*
 * Memory mapped PROT_READ from the start can be read (anonymous memory
 * reads as zeroes) but not written: a store raises SIGSEGV with si_code
 * SEGV_ACCERR and the page stays zero.
 *
 * No page exists before the first access, so the read installs one (on
 * Linux the shared zero page) and the store must then be refused rather
 * than handled as a copy-on-write fault of that page.  A kernel whose
 * fault path broke the zero page's copy-on-write without checking the
 * mapping's write permission lets the store through and fails.  POSIX
 * names no signal; SIGSEGV with SEGV_ACCERR is what Linux promises, hence
 * the linux profile.
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "In anonymous memory mapped PROT_READ, a read returns zero "
		     "and a store raises SIGSEGV with si_code SEGV_ACCERR, leaving "
		     "the page zero.",
	.spec      = "Linux mmap(2): DESCRIPTION (PROT_READ: pages may be read; "
		     "MAP_ANONYMOUS contents are initialized to zero); Linux "
		     "mprotect(2): DESCRIPTION (SIGSEGV); <signal.h>: SEGV_ACCERR",
	.profile   = "linux",
	.covers    = "A7",
);

static void run(void)
{
	unsigned char *map = SAFE_MMAP(NULL, page_size, PROT_READ,
				       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK_READ_OK(map);
	CHECK_WRITE_FAULTS(map, SIGSEGV, SEGV_ACCERR);
	CHECK_ZERO(map, page_size);
}
