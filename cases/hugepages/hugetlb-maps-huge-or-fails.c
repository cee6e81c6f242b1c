/*
 * A hugetlb mapping is made of huge pages or not made at all: with a free
 * page in the default pool, mmap(MAP_HUGETLB) (private and shared), a
 * MFD_HUGETLB memfd and a SHM_HUGETLB segment each give memory aligned to
 * the huge page size, backed by a page of that size (KernelPageSize in
 * /proc/self/smaps), zero-filled over the whole huge page though the
 * length asked for was one base page (the kernel rounds it up), and
 * holding what is stored; with no free page and no overcommit allowed
 * (nr_overcommit_hugepages 0), the call that reserves the pages fails with
 * ENOMEM.  Catches a kernel or libc that drops MAP_HUGETLB, MFD_HUGETLB or
 * SHM_HUGETLB and hands out base pages instead - which this host, with no
 * pages reserved, shows as a mapping that should have been refused.  Where
 * munmap() of the unrounded length is refused (mmap(2): "For munmap(),
 * addr, and length must both be a multiple of the underlying huge page
 * size") or unmaps the huge page is recorded (munmap_unaligned_length).
 */
#include "hugepages.h"

MMAPCTS_CASE(
	.assertion = "MAP_HUGETLB, MFD_HUGETLB and SHM_HUGETLB memory is huge pages "
		     "(aligned, KernelPageSize the huge page size, zero-filled over the "
		     "length rounded up, holding stores) where the pool has a free page, "
		     "and refused with ENOMEM where it has none and allows no overcommit.",
	.spec      = "Linux mmap(2): MAP_HUGETLB, NOTES \"Huge page (Huge TLB) mappings\"; "
		     "memfd_create(2): MFD_HUGETLB; shmget(2): SHM_HUGETLB, ENOMEM; "
		     "Documentation/admin-guide/mm/hugetlbpage.rst",
	.profile   = "linux",
	.covers    = "N1 N2",
	.variants  = "private shared memfd shm",
);

static void run(void)
{
	size_t huge = huge_page_size();
	long long free_pages = huge_pool(huge, "free_hugepages") - huge_pool(huge, "resv_hugepages");
	long long overcommit = huge_pool(huge, "nr_overcommit_hugepages");
	unsigned char *p;

	OBSERVE("huge_pages_free", "%lld", free_pages);
	if (free_pages < 1 && overcommit > 0)
		UNTESTED("no free huge page, but nr_overcommit_hugepages %lld: the kernel may "
			 "or may not find a surplus page", overcommit);
	p = map_huge(variant(), page_size, huge, 0);
	if (free_pages < 1) {
		if (p != MAP_FAILED)
			FAIL("%s: a hugetlb mapping was made with no free huge page "
			     "(HugePages_Free 0, no overcommit): base pages in place of "
			     "huge ones", variant());
		if (errno != ENOMEM)
			FAIL("%s: a hugetlb mapping with no free huge page failed with %s, "
			     "expected ENOMEM", variant(), errno_name(errno));
		return;
	}
	if (p == MAP_FAILED)
		FAIL("%s: a hugetlb mapping of one page failed with %s, with %lld free "
		     "huge pages", variant(), errno_name(errno), free_pages);
	CHECK_EQ((uintptr_t)p % huge, 0);
	CHECK_EQ(smaps_bytes(p, 1, "KernelPageSize"), huge);
	CHECK_ZERO(p, huge);
	fill_pattern(p, 0, huge, 1);
	CHECK_PATTERN_SEED(p, 0, huge, 1);
	if (!variant_is("shm")) {
		int r = munmap(p, page_size);

		OBSERVE("munmap_unaligned_length", "%s", r ? errno_name(errno) : "unmapped");
		if (r == 0) {
			CHECK_UNMAPPED(p, huge);
			return;
		}
	}
	unmap_huge(variant(), p, page_size, huge);
}
