/*
 * The parent's mremap() after fork() leaves the child's mapping where it
 * was: when the parent grows inherited memory and the kernel must move it
 * to do so, the child still has the mapping at the old address, with its
 * bytes.  The mapping is placed inside a reservation with a reserved
 * (PROT_NONE) page right after it, so it cannot grow in place and
 * MREMAP_MAYMOVE moves it.  Both processes read every page; the parent
 * moves the mapping; the child, still alive, probes and reads every page
 * at the old address.  A kernel that moves the pages of both processes,
 * or unmaps the old range in the child too, fails.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "After the parent moves a mapping with mremap() following "
		     "fork(), the child's mapping stays at its address with its "
		     "contents.",
	.spec      = "Linux mremap(2): DESCRIPTION, MREMAP_MAYMOVE (the mapping of "
		     "the calling process may be relocated)",
	.profile   = "linux",
	.covers_part = "J6",
	.needs     = "mremap MREMAP_MAYMOVE",
);

static void grow_and_move(unsigned char *map, size_t len)
{
	unsigned char *moved = mremap(map, len, 2 * len, MREMAP_MAYMOVE);

	if (moved == MAP_FAILED)
		UNRESOLVED("mremap(MREMAP_MAYMOVE) failed: %s", errno_name(errno));
	if (moved == map)
		UNRESOLVED("mremap() grew the mapping in place over a reservation");
}

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = reserve(len + page_size);

	SAFE_MMAP(map, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS |
		  MAP_FIXED, -1, 0);
	fill_pattern(map, 0, len, BEFORE_FORK);

	act_across_fork(map, len, PARENT, grow_and_move, CHILD);

	for (size_t off = 0; off < len; off += page_size)
		CHECK_READ_OK(map + off);
	CHECK_PATTERN_SEED(map, 0, len, BEFORE_FORK);
}
