/*
 * The locks munmap() removes are gone for good: a new mapping made at the
 * same address afterwards is not locked.
 *
 * A page inside the case's reservation is mapped, locked (VmLck grows by
 * a page), unmapped (the case makes sure it is a hole, so the new mapping
 * does not merely replace the locked one), and mapped again there with
 * MAP_FIXED and touched.  VmLck must be back at its starting value.  A
 * kernel that records locks by address range rather than on the mapping,
 * and applies them to whatever is mapped there next, fails.  Linux
 * profile: only Linux shows the locked amount.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "A mapping made with MAP_FIXED where a locked mapping was "
		     "removed is not locked (VmLck is back to its value before "
		     "mlock()).",
	.spec      = "Linux proc(5): /proc/pid/status VmLck; POSIX.1-2024 munmap(): "
		     "DESCRIPTION (the memory locks are removed \"as if by an "
		     "appropriate call to munlock()\")",
	.profile   = "linux",
	.covers    = "G8",
	.needs     = "mlock",
);

static void run(void)
{
	unsigned char *base = lay_out("m");
	size_t before = SAFE_MLOCK(base, page_size);

	SAFE_MUNMAP(base, page_size);
	REQUIRE_HOLE(base, page_size);

	SAFE_MMAP(base, page_size, PROT_READ | PROT_WRITE,
		  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	touch_pages(base, page_size);

	CHECK_EQ(locked_bytes(), before);
}
