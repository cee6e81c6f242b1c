/*
 * Copy-on-write holds for a range the kernel may back with a transparent
 * huge page: one huge-page-aligned, MADV_HUGEPAGE-advised range of private
 * anonymous memory, filled before fork(); the child stores one byte into
 * each of three small pages of it (the first, one in the middle, the last)
 * and exits; the parent must read its whole range unchanged, and the child
 * must have read its own stores next to the untouched bytes.  Linux copies
 * (or splits, then copies) a huge page shared by fork() at the first write;
 * a kernel that writes into the shared huge page, or copies only the small
 * page written and maps stale or zero bytes around it, fails here.  Whether
 * a huge page backed the range is observed ("thp_backed"); where
 * transparent huge pages are off the case is UNSUPPORTED with sysfs's word.
 */
#include "mmapcts.h"
#include "cow.h"

MMAPCTS_CASE(
	.assertion = "A child's stores into an MADV_HUGEPAGE range of private "
		     "anonymous memory shared by fork() reach neither the parent's "
		     "range nor the untouched bytes of the child's own.",
	.spec      = "Linux fork(2): DESCRIPTION; madvise(2): MADV_HUGEPAGE (since "
		     "Linux 2.6.38)",
	.profile   = "linux",
	.covers    = "E4",
	.needs     = "madvise",
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
	unsigned char *map = thp_range(&len);

	act_across_fork(map, len, CHILD, store_three_bytes, PARENT);

	CHECK_PATTERN_SEED(map, 0, len, BEFORE_FORK);
}
