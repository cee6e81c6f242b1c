/*
 * Private read-only anonymous memory costs no commit: whatever the
 * overcommit policy (recorded as the observation "overcommit_memory"),
 * a PROT_READ MAP_PRIVATE|MAP_ANONYMOUS mapping longer than any
 * accounting could promise (twice RAM plus swap, and twice CommitLimit)
 * succeeds, and every page of it reads as zero where it is read.  Only
 * private writable memory is charged, when it becomes writable
 * (mprotect-write-commits).  A kernel that charges every private mapping
 * (so that a large PROT_NONE or read-only reservation, as language
 * runtimes make, fails) fails with ENOMEM.
 */
#include "limits.h"

MMAPCTS_CASE(
	.assertion = "mmap() of PROT_READ MAP_PRIVATE|MAP_ANONYMOUS memory larger "
		     "than RAM plus swap and than CommitLimit succeeds under every "
		     "overcommit policy.",
	.spec      = "Linux kernel Documentation/mm/overcommit-accounting.rst (How "
		     "It Works: anonymous or /dev/zero map, PRIVATE READ-only costs "
		     "0); proc(5): /proc/sys/vm/overcommit_memory",
	.profile   = "linux",
	.covers    = "L15",
);

static void run(void)
{
	size_t len = uncommittable_length();
	unsigned char *map;

	overcommit_policy();
	map = CHECK_MAP_OK(mmap(NULL, len, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
	CHECK_ZERO(map, page_size);
	CHECK_ZERO(map + len / 2, page_size);
	CHECK_ZERO(map + len - page_size, page_size);
}
