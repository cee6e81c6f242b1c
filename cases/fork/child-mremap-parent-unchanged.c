/*
 * A forked child's mremap() resizes the child's mapping only: when the
 * child shrinks inherited memory to its first page, the parent still has
 * every page, with its bytes.  Both processes read every page first; the
 * child shrinks the mapping (releasing the tail pages it shared with the
 * parent copy-on-write) and exits; the parent probes and reads every
 * page.  A kernel that applies the resize to a mapping structure the
 * processes share, or frees the released pages although the parent maps
 * them, fails.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "After a forked child shrinks an inherited mapping with "
		     "mremap(), the parent's mapping keeps its size and contents.",
	.spec      = "Linux mremap(2): DESCRIPTION (expands or shrinks an existing "
		     "memory mapping of the calling process)",
	.profile   = "linux",
	.needs     = "mremap",
);

static void shrink_to_one_page(unsigned char *map, size_t len)
{
	if (mremap(map, len, page_size, 0) != map)
		UNRESOLVED("mremap() shrinking the mapping in place failed: %s",
			   errno_name(errno));
}

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	act_across_fork(map, len, CHILD, shrink_to_one_page, PARENT);

	for (size_t off = 0; off < len; off += page_size)
		CHECK_READ_OK(map + off);
	CHECK_PATTERN_SEED(map, 0, len, BEFORE_FORK);
}
