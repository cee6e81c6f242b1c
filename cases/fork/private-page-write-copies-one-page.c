/*
 * Linux copies on write one page at a time: after a forked child stores
 * to one page of inherited MAP_PRIVATE anonymous memory, only that page
 * is the child's own; the others are still the very pages the parent
 * maps.  Equal bytes cannot show that (a copy reads the same), so the case
 * reads /proc/self/pagemap, whose bit 56 says a page is mapped by this
 * process only.  Both processes read every page, the child stores to the
 * first one and, while the parent still maps them all, reads its pagemap
 * entries: the first page must be exclusive, the others present and not
 * exclusive.  A kernel that copies every page of the mapping at the first
 * write fault (or at fork) fails on the second page; one that does not
 * copy at all fails on the first.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "After a forked child's store to one page of inherited "
		     "MAP_PRIVATE|MAP_ANONYMOUS memory, only that page is mapped "
		     "exclusively by the child; the others are still shared.",
	.spec      = "Linux proc_pid_pagemap(5): bit 56, page exclusively mapped "
		     "(since Linux 4.2); fork(2): the child's pages are copy-on-write",
	.profile   = "linux",
);

#define PAGEMAP_PRESENT   (1ULL << 63)
#define PAGEMAP_EXCLUSIVE (1ULL << 56)

static void store_first_page(unsigned char *map, size_t len)
{
	store_pattern(map, page_size);
}

static uint64_t pagemap_entry(const unsigned char *addr)
{
	int fd = SAFE_OPEN("/proc/self/pagemap", O_RDONLY);
	uint64_t entry;

	SAFE_PREAD(fd, &entry, sizeof(entry),
		   (off_t)((uintptr_t)addr / page_size * sizeof(entry)));
	SAFE_CLOSE(fd);
	if (!(entry & PAGEMAP_PRESENT))
		UNRESOLVED("a page the child has just read is not present");
	return entry;
}

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	act_across_fork(map, len, CHILD, store_first_page, CHILD);

	CHECK(pagemap_entry(map) & PAGEMAP_EXCLUSIVE);
	for (size_t off = page_size; off < len; off += page_size)
		CHECK(!(pagemap_entry(map + off) & PAGEMAP_EXCLUSIVE));
}
