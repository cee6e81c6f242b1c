/*
 * A PROT_READ MAP_SHARED mapping of a descriptor open for reading only is
 * allowed, and a store through it does not happen: it raises SIGSEGV with
 * si_code SEGV_ACCERR (the page is mapped, the access is not permitted),
 * and the object keeps its bytes.  The probe catches the signal so the
 * case can check the object afterwards.  Fails under a kernel that lets
 * the store through (a write-enabled page table entry for a read-only
 * shared mapping), or reports it as SEGV_MAPERR or SIGBUS.  (mmap() only
 * says the write shall not succeed; SIGSEGV with SEGV_ACCERR is what
 * <signal.h> names for an access the mapping's permissions forbid.)
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "A store through a PROT_READ MAP_SHARED mapping of a read-only "
		     "descriptor raises SIGSEGV (SEGV_ACCERR) and leaves the object "
		     "unchanged.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (no write shall succeed "
		     "where PROT_WRITE has not been set); <signal.h>: SEGV_ACCERR",
	.profile   = "posix",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(page_size);
	int fd = reopen_object(&obj, O_RDONLY);
	unsigned char *map;

	map = CHECK_MAP_OK(mmap(NULL, page_size, PROT_READ, MAP_SHARED, fd, 0));

	CHECK_WRITE_FAULTS(map, SIGSEGV, SEGV_ACCERR);
	CHECK_PATTERN(map, 0, page_size);
}
