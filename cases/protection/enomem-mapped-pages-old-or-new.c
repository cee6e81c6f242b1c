/*
 * When mprotect() fails with ENOMEM because part of the range is not
 * mapped, POSIX lets the mapped pages of the range have been changed or
 * not ("the protections on some of the pages ... may have been
 * changed").  What each page got is recorded (enomem_page_before_hole,
 * enomem_page_after_hole: old or new protection); what is asserted is that
 * each has one of the two and keeps its contents.
 *
 * The request is PROT_READ, so both outcomes leave the pages readable and
 * differ only in whether a store completes.  Fails under an implementation
 * that leaves a page with a third protection (unreadable), or unmaps or
 * clears pages on the error path.  (Linux changes the page before the
 * hole and not the one after.)
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "After mprotect(PROT_READ) fails with ENOMEM over a hole, each "
		     "mapped page of the range keeps its contents and has either its "
		     "old or the requested protection.",
	.spec      = "POSIX.1-2024 mprotect(): DESCRIPTION (\"When mprotect() fails "
		     "for reasons other than [EINVAL], the protections on some of "
		     "the pages in the range [addr,addr+len) may have been "
		     "changed\")",
	.profile   = "posix",
	.covers_part = "H3",
);

static void observe_page(const char *key, unsigned char *page)
{
	struct fault f = probe_write(page, 0x5a);

	if (!f.sig) {
		OBSERVE(key, "old protection");
		return;
	}
	mmapcts_check_denied_(MMAPCTS_HERE, key, "write", f, page);
	OBSERVE(key, "new protection");
}

static void run(void)
{
	unsigned char *map = pages_with_hole(3, 1);
	unsigned char *before = map, *after = map + 2 * page_size;

	if (mprotect(map, 3 * page_size, PROT_READ) == 0)
		UNRESOLVED("mprotect() over a hole succeeded (unmapped-page-enomem "
			   "checks that it fails)");

	CHECK_READ_OK(before);
	CHECK_READ_OK(after);
	CHECK_PATTERN(before, 0, page_size);
	CHECK_PATTERN(after, 2 * page_size, page_size);
	observe_page("enomem_page_before_hole", before);
	observe_page("enomem_page_after_hole", after);
}
