/*
 * On Linux the SIGBUS for a reference to a page past end-of-file says
 * what happened: si_code BUS_ADRERR ("nonexistent physical address") and
 * si_addr the very address referenced (taken in the middle of the page,
 * so a page-rounded address shows).  POSIX names the signal but neither
 * field, hence the linux profile; the posix-profile cases record the code
 * they see.  Fails under a kernel that reports BUS_OBJERR (a hardware
 * error), SI_KERNEL or no code, or only the page, which a handler telling
 * a truncated file from a memory error, or finding the file offset,
 * relies on.
 */
#include "eof.h"

MMAPCTS_CASE(
	.assertion = "A read of a whole page past the end of a mapped object raises "
		     "SIGBUS with si_code BUS_ADRERR and si_addr the address read.",
	.spec      = "Linux mmap(2): SIGBUS (access beyond the end of the mapped "
		     "file); Linux sigaction(2): BUS_ADRERR, si_addr",
	.profile   = "linux",
	.covers    = "D8",
	.variants  = "file shm memfd",
);

static void run(void)
{
	unsigned char *addr = page_past_eof(PROT_READ) + page_size / 3;

	CHECK_READ_FAULTS(addr, SIGBUS, BUS_ADRERR);
	CHECK_PTR_EQ(probe_read(addr).addr, addr);
}
