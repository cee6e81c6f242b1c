/*
 * A page whose protection is PROT_NONE allows no access at all: a read
 * and a store each raise SIGSEGV with si_code SEGV_ACCERR (the page is
 * mapped, only access is refused, so not SEGV_MAPERR).
 *
 * The page is written first, so it is present when mprotect() takes all
 * access away; a kernel that only cleared the write permission of the
 * existing page table entry (PROT_NONE treated as read-only) fails on the
 * read, and one that unmapped the page fails on the si_code.  POSIX
 * forbids any access but does not name the signal; SIGSEGV with
 * SEGV_ACCERR is what Linux promises, hence the linux profile (the POSIX
 * twin is none-access-denied).
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "After mprotect(PROT_NONE), a read and a store of the page each "
		     "raise SIGSEGV with si_code SEGV_ACCERR.",
	.spec      = "Linux mprotect(2): DESCRIPTION (PROT_NONE: the memory cannot be "
		     "accessed at all; a violating access generates SIGSEGV); "
		     "POSIX.1-2024 mprotect(): DESCRIPTION; <signal.h>: SEGV_ACCERR",
	.profile   = "linux",
	.covers    = "H5",
);

static void run(void)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, page_size, PROT_NONE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	CHECK_READ_FAULTS(map, SIGSEGV, SEGV_ACCERR);
	CHECK_WRITE_FAULTS(map, SIGSEGV, SEGV_ACCERR);
}
