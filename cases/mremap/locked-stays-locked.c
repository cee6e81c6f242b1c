/*
 * A locked mapping stays locked through mremap(): moved and grown, it is
 * locked at its new place and for its new length, so the locked memory of
 * the process (VmLck) counts the whole new size.  Catches a kernel that
 * drops VM_LOCKED when it moves or grows the mapping (the memory becomes
 * swappable behind the locker's back) and one that does not lock the
 * grown part.
 */
#include "mremap.h"

MMAPCTS_CASE(
	.assertion = "After mremap() moves and grows an mlock()ed mapping, the "
		     "whole new mapping is locked: VmLck grows by the added length.",
	.spec      = "Linux mremap(2): DESCRIPTION (\"if the memory segment specified "
		     "by old_address and old_size is locked (using mlock(2) or "
		     "similar), then this lock is maintained when the segment is "
		     "resized and/or relocated\")",
	.profile   = "linux",
	.covers    = "J14",
	.needs     = "mremap MREMAP_MAYMOVE mlock",
	.variants  = "anon file shm memfd",
);

static void run(void)
{
	unsigned char *map = map_with_neighbour(2, 4);
	size_t before = SAFE_MLOCK(map, 2 * page_size);
	unsigned char *moved = CHECK_MAP_OK(mremap(map, 2 * page_size, 4 * page_size,
						   MREMAP_MAYMOVE));

	CHECK(moved != map);
	CHECK_EQ(locked_kb(), (long)((before + 4 * page_size) / 1024));
	CHECK_INTACT(moved, 0, 2);
}
