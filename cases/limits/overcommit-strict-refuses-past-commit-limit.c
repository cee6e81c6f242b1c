/*
 * Under overcommit policy 2 (strict) the commit of the whole system may
 * not pass CommitLimit, and MAP_NORESERVE is ignored: a read-write
 * MAP_PRIVATE|MAP_ANONYMOUS mapping longer than CommitLimit (twice it,
 * and twice RAM plus swap) fails with ENOMEM, with MAP_NORESERVE
 * (variant "noreserve") as without (variant "plain").  The same length
 * mapped PROT_READ first succeeds, so the refusal is the commit's, not
 * the address space's.  The policy is read from
 * /proc/sys/vm/overcommit_memory and recorded ("overcommit_memory");
 * under policies 0 and 1 this rule does not apply and the case is
 * UNTESTED: the suite never changes the host's policy.  A kernel that
 * honours MAP_NORESERVE under policy 2, or does not account at all,
 * fails with a mapping.
 */
#include "limits.h"

MMAPCTS_CASE(
	.assertion = "Under overcommit policy 2, mmap() of read-write "
		     "MAP_PRIVATE|MAP_ANONYMOUS memory larger than CommitLimit fails "
		     "with ENOMEM, with or without MAP_NORESERVE.",
	.spec      = "Linux proc(5): /proc/sys/vm/overcommit_memory (2: always "
		     "check, never overcommit; CommitLimit); kernel Documentation/mm/"
		     "overcommit-accounting.rst (mode 2; in mode 2 the MAP_NORESERVE "
		     "flag is ignored); mmap(2): ERRORS, ENOMEM",
	.profile   = "linux",
	.covers    = "L14",
	.needs     = "MAP_NORESERVE",
	.variants  = "plain noreserve",
);

static void run(void)
{
	size_t len = uncommittable_length();
	int policy = overcommit_policy();
	int flags = MAP_PRIVATE | MAP_ANONYMOUS | (variant_is("noreserve") ? MAP_NORESERVE : 0);

	if (policy != 2)
		UNTESTED("overcommit_memory is %d, not 2 (strict): the commit limit "
			 "is not enforced", policy);
	SAFE_MUNMAP(SAFE_MMAP(NULL, len, PROT_READ, flags, -1, 0), len);

	CHECK_MAP_FAILS(mmap(NULL, len, PROT_READ | PROT_WRITE, flags, -1, 0), ENOMEM);
}
