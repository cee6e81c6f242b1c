/*
 * Under Linux's default overcommit policy 0 (heuristic), a private
 * writable anonymous mapping larger than all of RAM and swap together is
 * an obvious overcommit, and mmap() refuses it with ENOMEM.  The policy
 * is read from /proc/sys/vm/overcommit_memory and recorded (observation
 * "overcommit_memory"); under policies 1 and 2 this rule does not apply
 * and the case is UNTESTED.  The length is twice RAM plus swap, and
 * RLIMIT_AS must be unlimited, so the refusal can only come from the
 * overcommit check.  This is what makes MAP_NORESERVE
 * (anon/noreserve-beyond-memory) mean something: a kernel that accepts
 * every mapping under policy 0 fails here with a mapping.
 *
 * Row L14 is checked by one case per policy, each UNTESTED under the
 * others (the suite never changes vm.overcommit_memory): this one and
 * anon/noreserve-beyond-memory for policy 0,
 * limits/overcommit-always-maps-beyond-memory for 1,
 * limits/overcommit-strict-refuses-past-commit-limit for 2.
 */
#include "anon.h"

MMAPCTS_CASE(
	.assertion = "On Linux under overcommit policy 0, mmap() of "
		     "MAP_PRIVATE|MAP_ANONYMOUS read-write memory larger than RAM "
		     "plus swap fails with ENOMEM.",
	.spec      = "Linux proc(5): /proc/sys/vm/overcommit_memory (0: heuristic "
		     "overcommit); kernel Documentation/mm/overcommit-accounting"
		     ".rst (mode 0: obvious overcommits of address space are "
		     "refused); mmap(2): ERRORS, ENOMEM",
	.profile   = "linux",
	.covers    = "L14",
);

static void run(void)
{
	int policy = overcommit_policy();
	size_t len = beyond_memory_length();

	if (policy != 0)
		UNTESTED("overcommit_memory is %d, not 0 (heuristic): the "
			 "heuristic refusal does not apply", policy);

	CHECK_MAP_FAILS(mmap(NULL, len, PROT_READ | PROT_WRITE,
			     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), ENOMEM);
}
