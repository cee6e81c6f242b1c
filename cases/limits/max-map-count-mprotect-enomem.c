/*
 * mprotect() that would split a mapping past vm.max_map_count fails with
 * ENOMEM, changes nothing, and leaves the process working.  A child
 * gives every odd page of one long PROT_READ mapping PROT_NONE, each
 * call splitting the rest in three, until the kernel refuses: the
 * refusal must come (the mapping is longer than the limit allows in
 * pieces), must be ENOMEM, and the refused page must still be readable;
 * then the whole mapping is removed (no split needed), and a new mapping
 * and a split of it succeed again.  A kernel that lets the count grow
 * without bound, or reports success at the limit without splitting,
 * fails on the refusal.  Slower than 0.2 s: the walk takes
 * max_map_count / 2 calls (about 33 000 at the default 65530), each a
 * split of some 6 us, and the exit tears down as many mappings: 0.3 s
 * measured here; no fewer calls can reach the limit.  Past a million
 * mappings the case is UNTESTED.
 */
#include "limits.h"

MMAPCTS_CASE(
	.assertion = "mprotect() of one page inside a mapping, when splitting it "
		     "would exceed vm.max_map_count, fails with ENOMEM and leaves "
		     "the page's protection as it was; after mappings are removed, "
		     "mapping and splitting work again.",
	.spec      = "Linux mprotect(2): ERRORS, ENOMEM (changing the protection of "
		     "a memory region would result in the total number of mappings "
		     "with distinct attributes exceeding the allowed maximum); "
		     "proc_sys_vm(5): max_map_count",
	.profile   = "linux",
	.covers    = "L12",
);

static void in_child(void *arg)
{
	size_t npages, refused;
	unsigned char *map = splittable_mapping(&npages), *again;

	(void)arg;
	refused = protect_odd_pages_until_refused(map, npages);
	if (refused == npages)
		FAIL("mprotect() split one mapping into %zu pieces and was never "
		     "refused: vm.max_map_count not enforced", npages);
	CHECK_EQ(errno, ENOMEM);
	CHECK_READ_OK(map + refused * page_size);

	SAFE_MUNMAP(map, npages * page_size);
	again = CHECK_MAP_OK(mmap(NULL, 3 * page_size, PROT_READ,
				  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
	CHECK_OK(mprotect(again + page_size, page_size, PROT_NONE));
}

static void run(void)
{
	run_in_child(in_child, NULL);
}
