/*
 * Under overcommit policy 1 (always overcommit) the kernel never refuses
 * a mapping for want of commit: a read-write MAP_PRIVATE|MAP_ANONYMOUS
 * mapping longer than any accounting could promise (twice RAM plus swap,
 * and twice CommitLimit) succeeds without MAP_NORESERVE, and its first,
 * middle and last pages take a store.  The policy is read from
 * /proc/sys/vm/overcommit_memory and recorded ("overcommit_memory");
 * under policies 0 and 2 such a mapping is refused
 * (anon/overcommit-heuristic-refuses-beyond-memory,
 * overcommit-strict-refuses-past-commit-limit) and this case is
 * UNTESTED: the suite never changes the host's policy.  A kernel that
 * checks commit under policy 1 anyway fails with ENOMEM.
 */
#include "limits.h"

MMAPCTS_CASE(
	.assertion = "Under overcommit policy 1, mmap() of read-write "
		     "MAP_PRIVATE|MAP_ANONYMOUS memory larger than RAM plus swap and "
		     "than CommitLimit succeeds without MAP_NORESERVE, and its pages "
		     "take stores.",
	.spec      = "Linux proc(5): /proc/sys/vm/overcommit_memory (1: always "
		     "overcommit, never check); kernel Documentation/mm/"
		     "overcommit-accounting.rst (mode 1)",
	.profile   = "linux",
	.covers    = "L14",
);

static void run(void)
{
	size_t len = uncommittable_length();
	int policy = overcommit_policy();
	unsigned char *map;

	if (policy != 1)
		UNTESTED("overcommit_memory is %d, not 1 (always overcommit): a "
			 "mapping beyond memory is refused by this policy", policy);

	map = CHECK_MAP_OK(mmap(NULL, len, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
	CHECK_WRITE_OK(map, 1);
	CHECK_WRITE_OK(map + len / 2, 1);
	CHECK_WRITE_OK(map + len - 1, 1);
}
