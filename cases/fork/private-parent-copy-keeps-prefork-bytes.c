/*
 * The parent's own stores from before fork() survive its first store
 * after it: when the parent writes to a page of MAP_PRIVATE anonymous
 * memory it now shares with a child, the page it gets holds all its
 * earlier bytes.  Both processes read every page, the parent then changes
 * the first byte of each page while the child still maps them, and the
 * parent must read its earlier bytes in the rest of each page.  A kernel
 * that gives the writer a fresh zero page (or the child's page) instead of
 * a copy of the shared one fails.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "After the parent's first store following fork() to a page "
		     "of MAP_PRIVATE|MAP_ANONYMOUS memory, the rest of the page "
		     "still holds the bytes the parent stored before fork().",
	.spec      = "POSIX.1-2024 fork(): DESCRIPTION (MAP_PRIVATE mappings; "
		     "modifications made by the parent after fork() returns are "
		     "visible only to the parent); mmap(): MAP_PRIVATE",
	.profile   = "posix",
	.covers_part = "E2",
);

static void store_last_bytes(unsigned char *map, size_t len)
{
	for (size_t off = page_size - 1; off < len; off += page_size)
		map[off] = (unsigned char)~pattern_byte_seed(off, BEFORE_FORK);
}

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	act_across_fork(map, len, PARENT, store_last_bytes, PARENT);

	for (size_t off = 0; off < len; off += page_size)
		CHECK_PATTERN_SEED(map + off, off, page_size - 1, BEFORE_FORK);
}
