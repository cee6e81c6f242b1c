/*
 * Anonymous memory mapped after an earlier mapping was removed never shows
 * that mapping's bytes, private or shared.  For each kind the case fills
 * a mapping with a non-zero pattern, unmaps it and maps the same length
 * again, several rounds, so that the kernel is most likely to hand the
 * just-freed frames (and often the same addresses) straight back.  Shared
 * anonymous memory is checked too because its pages come from another
 * path (on Linux, a new shmem object each time).  A kernel that recycles a
 * freed page or object without clearing it - or a libc that keeps
 * unmapped memory in a cache and returns it for MAP_ANONYMOUS - fails:
 * the new mapping is not all zero, and the message shows the kind and the
 * stale byte.
 */
#include "anon.h"

MMAPCTS_CASE(
	.assertion = "A new anonymous mapping, private or shared, is all zero "
		     "even when it reuses memory that a mapping removed just "
		     "before had filled.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_ANONYMOUS (a new "
		     "anonymous memory object, initialized to all bits zero); "
		     "munmap(): DESCRIPTION",
	.profile   = "posix",
	.covers_part = "A1",
);

static void run(void)
{
	CHECK_FRESH_MAPPINGS_ZERO(MAP_PRIVATE, 8 * page_size);
	CHECK_FRESH_MAPPINGS_ZERO(MAP_SHARED, 8 * page_size);
}
