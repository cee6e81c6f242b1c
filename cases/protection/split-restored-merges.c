/*
 * mprotect() of the middle page of a three-page mapping splits it into
 * three mappings, and giving that page its old protection back merges
 * them into one again, as /proc/self/maps shows: one entry over the range
 * before, three after the split, one after the restore.  Linux merges
 * neighbouring anonymous mappings whose protection, flags and origin
 * agree (mprotect(2) goes through vma_merge); a kernel that never merges
 * again leaves three entries, which wastes a mapping of
 * vm.max_map_count on every round trip and makes a long-lived process
 * that flips protections run out of mappings (ENOMEM).  The contents
 * across a split are split-changes-only-range's rule; this case counts
 * mappings only.
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "After mprotect() of the middle page of a private anonymous "
		     "mapping to PROT_READ and back, /proc/self/maps shows one "
		     "mapping over the range again (three while split).",
	.spec      = "Linux mprotect(2): DESCRIPTION; proc_pid_maps(5); Linux "
		     "mm/mprotect.c (mprotect_fixup merges with neighbours whose "
		     "attributes agree)",
	.profile   = "linux",
	.covers    = "H6",
);

static void run(void)
{
	size_t len = 3 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	CHECK_EQ(mappings_over(map, len), 1);
	SAFE_MPROTECT(map + page_size, page_size, PROT_READ);
	CHECK_EQ(mappings_over(map, len), 3);

	SAFE_MPROTECT(map + page_size, page_size, PROT_READ | PROT_WRITE);

	CHECK_EQ(mappings_over(map, len), 1);
}
