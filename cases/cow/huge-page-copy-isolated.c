/*
 * Copy-on-write holds for huge pages (the variant): one huge-page-aligned,
 * MADV_HUGEPAGE-advised range of private anonymous memory the kernel may
 * back with a transparent huge page ("thp"), or one MAP_HUGETLB page
 * ("hugetlb"), filled before fork(); the child stores one byte into
 * each of three small pages of it (the first, one in the middle, the last)
 * and exits; the parent must read its whole range unchanged, and the child
 * must have read its own stores next to the untouched bytes.  Linux copies
 * (or splits, then copies) a huge page shared by fork() at the first write;
 * a kernel that writes into the shared huge page, or copies only the small
 * page written and maps stale or zero bytes around it, fails here; hugetlb
 * copies the whole page from its reserve.  Whether a transparent huge
 * page backed the range is observed ("thp_backed"); where they are off,
 * or where fewer than two hugetlb pages are free, the variant is
 * UNSUPPORTED with the reason.
 */
#include "mmapcts.h"
#include "cow.h"

MMAPCTS_CASE(
	.assertion = "A child's stores into a huge page (transparent or hugetlb) "
		     "of private anonymous memory shared by fork() reach neither "
		     "the parent's page nor the untouched bytes of the child's own.",
	.spec      = "Linux fork(2): DESCRIPTION; madvise(2): MADV_HUGEPAGE (since "
		     "Linux 2.6.38); mmap(2): MAP_HUGETLB (since 2.6.32)",
	.profile   = "linux",
	.covers    = "E4",
	.needs     = "madvise",
	.variants  = "thp hugetlb",
);

static void store_three_bytes(unsigned char *map, size_t len)
{
	size_t at[] = { 0, len / 2 + 7, len - 1 };

	for (size_t i = 0; i < 3; i++)
		map[at[i]] = (unsigned char)~pattern_byte(at[i]);
	for (size_t i = 0; i < 3; i++) {
		CHECK_EQ(map[at[i]], (unsigned char)~pattern_byte(at[i]));
		map[at[i]] = pattern_byte(at[i]);
	}
	CHECK_PATTERN_SEED(map, 0, len, BEFORE_FORK);
	for (size_t i = 0; i < 3; i++)
		map[at[i]] = (unsigned char)~pattern_byte(at[i]);
}

static void run(void)
{
	size_t len;
	unsigned char *map;

	if (variant_is("thp")) {
		map = thp_range(&len);
	} else {
		len = free_huge_pages(2);
		map = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB, -1, 0);
		fill_pattern(map, 0, len, BEFORE_FORK);
	}

	act_across_fork(map, len, CHILD, store_three_bytes, PARENT);

	CHECK_PATTERN_SEED(map, 0, len, BEFORE_FORK);
}
