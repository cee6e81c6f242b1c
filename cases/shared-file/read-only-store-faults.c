/*
 * A PROT_READ MAP_SHARED mapping of a descriptor open for reading only is
 * allowed, and a store through it does not happen: the store is denied
 * (SIGSEGV or SIGBUS, whichever the system uses, recorded as
 * "write_denied_by"; POSIX names no signal) and the object keeps its
 * bytes.  The probe catches the signal so the case can check the object
 * afterwards.  Fails under a kernel that lets the store through (a
 * write-enabled page table entry for a read-only shared mapping).  The
 * exact signal Linux promises is checked by read-only-store-sigsegv.
 */
#include "shared-file.h"

MMAPCTS_CASE(
	.assertion = "A store through a PROT_READ MAP_SHARED mapping of a read-only "
		     "descriptor does not succeed, and the object keeps its bytes.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (\"shall not permit a write "
		     "to succeed where PROT_WRITE has not been set\")",
	.profile   = "posix",
	.covers_part = "A7",
	.variants  = "file shm memfd",
);

static void run(void)
{
	unsigned char *map = map_read_only_shared();

	CHECK_WRITE_DENIED(map);
	CHECK_PATTERN(map, 0, page_size);
}
