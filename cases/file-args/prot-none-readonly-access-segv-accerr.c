/*
 * On Linux, a reference to a PROT_NONE mapping raises SIGSEGV with
 * si_code SEGV_ACCERR (a protection fault at a mapped address), for a
 * MAP_SHARED mapping of a read-only file as for any other.  The posix
 * cases accept either signal; this one checks the Linux promise exactly,
 * with a read, so that it differs from write-only faults.  Fails under a
 * kernel that reports SEGV_MAPERR (as if the page were not mapped) or
 * SIGBUS (as if the object ended there: it holds a whole page).
 */
#include "file-args.h"

MMAPCTS_CASE(
	.assertion = "A read of a PROT_NONE MAP_SHARED mapping of a file of mode "
		     "0444 opened for reading raises SIGSEGV with SEGV_ACCERR.",
	.spec      = "Linux mmap(2): PROT_NONE (pages may not be accessed); Linux "
		     "sigaction(2): SEGV_ACCERR (invalid permissions for mapped object)",
	.profile   = "linux",
	.covers    = "C6",
	.variants  = "file shm memfd",
);

static void run(void)
{
	int fd = readonly_object_fd(page_size);
	unsigned char *map = SAFE_MMAP(NULL, page_size, PROT_NONE, MAP_SHARED, fd, 0);

	CHECK_READ_FAULTS(map, SIGSEGV, SEGV_ACCERR);
}
