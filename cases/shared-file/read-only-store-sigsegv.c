/*
 * On Linux, a store through a PROT_READ MAP_SHARED mapping of a read-only
 * descriptor raises SIGSEGV with si_code SEGV_ACCERR: the page is mapped,
 * the access is not permitted.  POSIX only forbids the store (see
 * read-only-store-faults); Linux names the signal.  Fails under a kernel
 * that lets the store through, reports it as SEGV_MAPERR (as if nothing
 * were mapped) or raises SIGBUS.
 */
#include "shared-file.h"

MMAPCTS_CASE(
	.assertion = "A store through a PROT_READ MAP_SHARED mapping of a read-only "
		     "descriptor raises SIGSEGV with si_code SEGV_ACCERR.",
	.spec      = "Linux mmap(2): SIGNALS (SIGSEGV: \"Attempted write into "
		     "a region mapped as read-only\"); <signal.h>: SEGV_ACCERR",
	.profile   = "linux",
	.covers    = "A7",
	.variants  = "file shm memfd",
);

static void run(void)
{
	unsigned char *map = map_read_only_shared();

	CHECK_WRITE_FAULTS(map, SIGSEGV, SEGV_ACCERR);
}
