/*
 * Making private anonymous memory writable charges its commit then: under
 * overcommit policy 0 (heuristic) or 2 (strict), mprotect() that adds
 * PROT_WRITE to a read-only private anonymous mapping longer than any
 * accounting could promise (twice RAM plus swap, and twice CommitLimit)
 * fails with ENOMEM, and the mapping stays read-only (a store faults
 * with SEGV_ACCERR).  The read-only mapping itself costs nothing
 * (readonly-private-not-committed).  Under policy 1 nothing is ever
 * refused and the case is UNTESTED; the policy is recorded
 * ("overcommit_memory").  A kernel that charges commit only at mmap()
 * time, so that read-only memory made writable later escapes the
 * accounting, fails with success.
 */
#include "limits.h"

MMAPCTS_CASE(
	.assertion = "Under overcommit policy 0 or 2, mprotect(PROT_READ|PROT_WRITE) "
		     "of a PROT_READ MAP_PRIVATE|MAP_ANONYMOUS mapping larger than RAM "
		     "plus swap and than CommitLimit fails with ENOMEM and leaves the "
		     "mapping read-only.",
	.spec      = "Linux kernel Documentation/mm/overcommit-accounting.rst (How "
		     "It Works: PRIVATE WRITABLE costs the size of the mapping; "
		     "Status: we account mprotect changes in commit); mprotect(2): "
		     "ERRORS, ENOMEM",
	.profile   = "linux",
	.covers    = "L15",
);

static void run(void)
{
	size_t len = uncommittable_length();
	int policy = overcommit_policy();
	unsigned char *map;

	if (policy == 1)
		UNTESTED("overcommit_memory is 1 (always overcommit): no change of "
			 "protection is ever refused for want of commit");
	map = SAFE_MMAP(NULL, len, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK_FAILS(mprotect(map, len, PROT_READ | PROT_WRITE), ENOMEM);
	CHECK_WRITE_FAULTS(map, SIGSEGV, SEGV_ACCERR);
}
