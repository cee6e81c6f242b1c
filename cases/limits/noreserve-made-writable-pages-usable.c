/*
 * MAP_NORESERVE holds for the life of the mapping, not just at mmap():
 * under overcommit policy 0 or 1, a PROT_READ MAP_PRIVATE|MAP_ANONYMOUS|
 * MAP_NORESERVE mapping longer than any accounting could promise (twice
 * RAM plus swap, and twice CommitLimit) can be made read-write with
 * mprotect(), and then every page touched takes its own bytes: 16 pages
 * spread over the whole length each get a pattern of their own, and each
 * still holds it after all were written.  Without MAP_NORESERVE the same
 * mprotect() is refused (mprotect-write-commits).  Under policy 2
 * MAP_NORESERVE is ignored and nothing is promised: UNTESTED; the policy
 * is recorded ("overcommit_memory").  A kernel that charges commit when
 * a MAP_NORESERVE mapping becomes writable fails on the call; one whose
 * pages alias or come back empty fails on the contents.
 */
#include "limits.h"

MMAPCTS_CASE(
	.assertion = "Under overcommit policy 0 or 1, mprotect(PROT_READ|PROT_WRITE) "
		     "of a PROT_READ MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE mapping "
		     "larger than RAM plus swap and than CommitLimit succeeds, and "
		     "pages written anywhere in it keep what was stored.",
	.spec      = "Linux mmap(2): MAP_NORESERVE (do not reserve swap space for this "
		     "mapping); proc(5): /proc/sys/vm/overcommit_memory (in mode 0, "
		     "calls of mmap(2) with MAP_NORESERVE are not checked); kernel "
		     "Documentation/mm/overcommit-accounting.rst",
	.profile   = "linux",
	.covers    = "A4",
	.needs     = "MAP_NORESERVE",
);

static void run(void)
{
	size_t len = uncommittable_length(), stride = len / 16 / page_size * page_size;
	int policy = overcommit_policy();
	unsigned char *map;

	if (policy == 2)
		UNTESTED("overcommit_memory is 2 (strict): MAP_NORESERVE is ignored, "
			 "no mapping beyond the commit limit is promised");
	map = SAFE_MMAP(NULL, len, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
			-1, 0);

	CHECK_OK(mprotect(map, len, PROT_READ | PROT_WRITE));
	for (size_t i = 0; i < 16; i++)
		fill_pattern(map + i * stride, 0, page_size, (unsigned)i + 1);
	for (size_t i = 0; i < 16; i++)
		CHECK_PATTERN_SEED(map + i * stride, 0, page_size, (unsigned)i + 1);
}
