/*
 * execve() removes the anonymous mappings of the old process image -
 * private, shared and inaccessible alike: at each of their addresses the
 * new image finds nothing mapped, and a read raises SIGSEGV with
 * SEGV_MAPERR.  The old image (a child of the case's process) maps one
 * page of each kind, stores a pattern into the accessible ones and
 * re-executes itself; the new image probes every address.  A kernel (or
 * an exec emulated in user space) that carries a mapping over fails,
 * naming its kind: the read completes with the old bytes, or - for the
 * PROT_NONE page - faults with SEGV_ACCERR, which tells a surviving
 * inaccessible mapping from none.  Shared anonymous memory is an object
 * of its own that outlives fork(); an exec that treats shared mappings as
 * process-independent would keep it.  Should the new image have mapped
 * something of its own at one of the addresses, the case cannot tell and
 * ends UNTESTED (see exec.h: it is rare).
 */
#include "mmapcts.h"
#include "exec.h"

MMAPCTS_CASE(
	.assertion = "After execve() the addresses of the old process image's "
		     "private, shared and PROT_NONE anonymous mappings are not "
		     "mapped: reading them raises SIGSEGV with si_code SEGV_MAPERR.",
	.spec      = "POSIX.1-2024 exec: DESCRIPTION (memory mappings created in "
		     "the process are unmapped before the address space is rebuilt "
		     "for the new process image); <signal.h>: SEGV_MAPERR",
	.profile   = "posix",
	.covers    = "F1",
);

static const struct old_mapping mappings[] = {
	{ "private anonymous", MAP_PRIVATE | MAP_ANONYMOUS, PROT_READ | PROT_WRITE },
	{ "shared anonymous", MAP_SHARED | MAP_ANONYMOUS, PROT_READ | PROT_WRITE },
	{ "PROT_NONE anonymous", MAP_PRIVATE | MAP_ANONYMOUS, PROT_NONE },
};
enum { MAPPINGS = sizeof(mappings) / sizeof(mappings[0]) };

static void run(void)
{
	unsigned char *first = old_pages_after_exec(mappings, MAPPINGS);

	for (int i = 0; i < MAPPINGS; i++)
		check_old_page_gone(old_page(first, i), mappings[i].kind);
}
