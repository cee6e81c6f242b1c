/*
 * POSIX has the application keep a MAP_FIXED address page-aligned and
 * lets mmap() refuse one that is not ("may fail", EINVAL); but MAP_FIXED
 * also means "pa shall be addr, exactly".  So an implementation that
 * accepts an unaligned address must map at that address, not at the
 * start of its page.  The case asks for MAP_FIXED one byte into a page of
 * its reservation: a mapping made anyway is recorded
 * ("unaligned_fixed_mapped=yes") and must be at addr; a refusal must carry
 * EINVAL.  Fails under an implementation that rounds the address down and
 * returns the page's start, or refuses with another errno (ENOMEM,
 * EEXIST), which a portable program cannot recognise.  (Linux's EINVAL,
 * always: fixed-unaligned-einval.)
 */
#include "placement.h"

MMAPCTS_CASE(
	.assertion = "mmap() with MAP_FIXED at an address that is not page-aligned "
		     "either maps at exactly that address or fails with EINVAL.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_FIXED (\"the value of pa "
		     "shall be addr, exactly\"); ERRORS, may fail, [EINVAL]",
	.profile   = "posix",
	.covers_part = "K2",
);

static void run(void)
{
	unsigned char *r = reserve(4 * page_size), *addr = r + page_size + 1;
	unsigned char *p = mmap(addr, page_size, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);

	OBSERVE("unaligned_fixed_mapped", "%s", p == MAP_FAILED ? "no" : "yes");
	if (p != MAP_FAILED)
		CHECK_PTR_EQ(p, addr);
	else
		mmapcts_check_fails_(MMAPCTS_HERE, "mmap(MAP_FIXED) one byte into a page",
				     1, (const int[]){ EINVAL, 0 });
}
