/*
 * The SIGSEGV raised by a reference to an unmapped page carries the
 * address of the reference in si_addr.
 *
 * The reference is to an odd byte in the middle of the page, neither
 * page-aligned nor word-aligned, so a kernel that reports the start of the
 * page, the start of the mapping that used to be there, or nothing (0)
 * is told apart from one that reports the byte.  POSIX says si_addr is the
 * "address of faulting memory reference"; Linux documents that some
 * architectures report it only approximately.  The case therefore asserts
 * that si_addr lies in the referenced page (a kernel that gives 0 or the
 * old mapping's start fails) and records whether it is exact as the
 * observation si_addr_exact.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "The SIGSEGV raised by a read of an unmapped page reports in "
		     "si_addr an address in the page that was read.",
	.spec      = "POSIX.1-2024 <signal.h>: si_addr (\"Address of faulting memory "
		     "reference\" for SIGSEGV); munmap(): DESCRIPTION",
	.profile   = "posix",
	.covers_part = "G2",
);

static void run(void)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, 2 * page_size, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);
	unsigned char *target = map + page_size + page_size / 2 + 3;
	struct fault f;

	SAFE_MUNMAP(map, 2 * page_size);

	CHECK_READ_FAULTS(target, SIGSEGV, SEGV_MAPERR);

	f = probe_read(target);
	OBSERVE("si_addr_exact", "%s", f.addr == target ? "yes" : "no");
}
