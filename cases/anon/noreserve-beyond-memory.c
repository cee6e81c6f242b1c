/*
 * With MAP_NORESERVE, Linux maps private anonymous memory larger than all
 * of RAM and swap together when the overcommit policy does not check such
 * mappings: policy 0 (heuristic) skips the check for MAP_NORESERVE, and
 * policy 1 never checks.  The policy is read from
 * /proc/sys/vm/overcommit_memory and recorded (observation
 * "overcommit_memory"); under policy 2 (strict) MAP_NORESERVE is ignored
 * and nothing is promised, so the case is UNTESTED there.  The length is
 * twice RAM plus swap, so no accounting could allow it; the first and last
 * pages are then stored to, to show the mapping is usable.  A kernel
 * that reserves commit for MAP_NORESERVE mappings anyway fails with
 * ENOMEM.
 */
#include "anon.h"

MMAPCTS_CASE(
	.assertion = "On Linux under overcommit policy 0 or 1, mmap() of "
		     "MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE memory larger than "
		     "RAM plus swap succeeds.",
	.spec      = "Linux mmap(2): MAP_NORESERVE; proc(5): "
		     "/proc/sys/vm/overcommit_memory (in mode 0, mmap() calls with "
		     "MAP_NORESERVE are not checked; mode 1 never checks)",
	.profile   = "linux",
	.covers    = "A4 L14",
	.needs     = "MAP_NORESERVE",
);

static void run(void)
{
	int policy = overcommit_policy();
	size_t len = beyond_memory_length();
	unsigned char *p;

	if (policy == 2)
		UNTESTED("overcommit_memory is 2 (strict): MAP_NORESERVE is "
			 "ignored, no mapping beyond the commit limit is promised");

	p = CHECK_MAP_OK(mmap(NULL, len, PROT_READ | PROT_WRITE,
			      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0));
	CHECK_WRITE_OK(p, 1);
	CHECK_WRITE_OK(p + len - 1, 1);
}
