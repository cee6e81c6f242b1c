/*
 * Stores made before fork() to MAP_PRIVATE anonymous memory are seen by
 * the child, and stay seen after the child's first store to the page: the
 * copy made for the child holds every byte the parent wrote before the
 * fork.  Both processes read every page; the child then changes only the
 * first byte of each page - which makes the kernel copy the page - and
 * must still read the parent's bytes in the rest of it.  A kernel that
 * resolves the child's write fault with a fresh zero page (or a copy of
 * the wrong page) instead of a copy of the shared one fails.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "After a forked child's first store to a page of inherited "
		     "MAP_PRIVATE|MAP_ANONYMOUS memory, the rest of the page still "
		     "holds the bytes the parent stored before fork().",
	.spec      = "POSIX.1-2024 fork(): DESCRIPTION (modifications to the data "
		     "in MAP_PRIVATE mappings made by the parent prior to calling "
		     "fork() shall be visible to the child)",
	.profile   = "posix",
	.covers_part = "E3",
);

static void store_first_bytes(unsigned char *map, size_t len)
{
	for (size_t off = 0; off < len; off += page_size)
		map[off] = (unsigned char)~pattern_byte_seed(off, BEFORE_FORK);
}

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	act_across_fork(map, len, CHILD, store_first_bytes, CHILD);

	for (size_t off = 0; off < len; off += page_size)
		CHECK_PATTERN_SEED(map + off + 1, off + 1, page_size - 1, BEFORE_FORK);
}
