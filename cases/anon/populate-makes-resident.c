/*
 * MAP_POPULATE prefaults a mapping: when mmap() returns, every page of an
 * anonymous MAP_POPULATE mapping is resident (mincore() says so) without
 * the case touching any, private or shared.  Each mapping is 64 pages and
 * nothing reads it before mincore(), so residency can only come from
 * mmap() itself; the shared one is checked too because its pages belong
 * to a memory object (on Linux, a shmem file) and are populated through
 * another path.  A kernel that ignores MAP_POPULATE for anonymous memory
 * (accepts the flag, faults on demand) fails with the count of resident
 * pages.
 */
#include "anon.h"

MMAPCTS_CASE(
	.assertion = "On Linux, every page of a new MAP_ANONYMOUS|MAP_POPULATE "
		     "mapping, private or shared, is resident before it is "
		     "touched.",
	.spec      = "Linux mmap(2): MAP_POPULATE (populate, prefault, page tables "
		     "for a mapping; with private mappings since Linux 2.6.23); "
		     "mincore(2)",
	.profile   = "linux",
	.needs     = "MAP_POPULATE mincore",
);

static void run(void)
{
	size_t len = 64 * page_size;
	unsigned char *private = SAFE_MAP_ANON(NULL, len, PROT_READ | PROT_WRITE,
					       MAP_PRIVATE | MAP_POPULATE);
	unsigned char *shared = SAFE_MAP_ANON(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_SHARED | MAP_POPULATE);

	CHECK_EQ(resident_pages(private, len), len / page_size);
	CHECK_EQ(resident_pages(shared, len), len / page_size);
}
