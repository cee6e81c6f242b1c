/*
 * After madvise(MADV_DONTNEED), shared anonymous memory still holds its
 * bytes: Linux drops only the process's page table entries, and the next
 * access maps the object's pages again - unlike private anonymous
 * memory, which reads as zero (anon/dontneed-private-reads-zero).  A
 * kernel that applies the private behaviour to shared anonymous memory
 * (discards the object's pages, or maps fresh zero pages) fails, losing
 * data that another process may still be using.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "On Linux, MAP_SHARED|MAP_ANONYMOUS memory keeps its bytes "
		     "across madvise(MADV_DONTNEED).",
	.spec      = "Linux madvise(2): MADV_DONTNEED (subsequent accesses "
		     "repopulate the memory from the up-to-date contents of the "
		     "underlying object, for shared anonymous mappings too)",
	.profile   = "linux",
	.covers_part = "M2",
	.needs     = "madvise MADV_DONTNEED",
);

static void run(void)
{
	size_t len = 16 * page_size;
	unsigned char *p = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE,
				     MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	fill_pattern(p, 0, len, 1);
	if (madvise(p, len, MADV_DONTNEED) < 0)
		UNRESOLVED("madvise(MADV_DONTNEED) failed: %s", errno_name(errno));

	CHECK_PATTERN_SEED(p, 0, len, 1);
}
