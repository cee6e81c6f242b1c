/*
 * munmap() of a page in the middle of a mapping splits it in two, so
 * when the process already holds vm.max_map_count mappings it fails
 * with ENOMEM and the page stays mapped.  A child splits one long
 * PROT_READ mapping with mprotect() up to the limit (the refusal there
 * is max-map-count-mprotect-enomem's rule), then takes single splits off
 * the far end until those are refused too, so the count is exactly at
 * the limit; an munmap() of the middle page of the part left whole must
 * then be refused with ENOMEM, and that page must still read.  A kernel
 * that reports success without unmapping, or unmaps past the limit,
 * fails.  Same walk, and so the same 0.3 s, as
 * max-map-count-mprotect-enomem (slower than 0.2 s, for the reason given
 * there).
 */
#include "limits.h"

MMAPCTS_CASE(
	.assertion = "munmap() of a page in the middle of a mapping, when the "
		     "process holds vm.max_map_count mappings, fails with ENOMEM and "
		     "the page stays mapped.",
	.spec      = "Linux mmap(2): ERRORS, ENOMEM (munmap(): unmapping a region in "
		     "the middle of an existing mapping would exceed the process's "
		     "maximum number of mappings); proc_sys_vm(5): max_map_count",
	.profile   = "linux",
	.covers    = "L12",
);

static void in_child(void *arg)
{
	unsigned char *middle = middle_page_at_map_count_limit();

	(void)arg;
	CHECK_FAILS(munmap(middle, page_size), ENOMEM);
	CHECK_READ_OK(middle);
}

static void run(void)
{
	run_in_child(in_child, NULL);
}
