/*
 * MAP_HUGETLB with a size encoded at MAP_HUGE_SHIFT (log2 of the size,
 * MAP_HUGE_2MB, MAP_HUGE_1GB) maps pages of exactly that size, from that
 * size's pool: rows 2 MiB, 1 GiB and the base page size.  A size the
 * kernel has no pool for (/sys/kernel/mm/hugepages/hugepages-<kB>kB
 * absent; always so for the base page size) fails with EINVAL; a pool with
 * a free page gives a mapping aligned to the size whose KernelPageSize is
 * the size, zero at both ends and holding stores there (the ends only: a
 * GiB is not written whole); a pool with no free page and no overcommit
 * fails with ENOMEM.  Catches a kernel or libc that drops the size bits and
 * serves the default pool (on this host: ENOMEM where EINVAL is due), or
 * maps the wrong size.
 */
#include "hugepages.h"

MMAPCTS_CASE(
	.assertion = "mmap(MAP_HUGETLB | log2(size) << MAP_HUGE_SHIFT) maps pages of that "
		     "size where its pool has a free page, fails with ENOMEM where the "
		     "pool has none, and with EINVAL where there is no pool of that size.",
	.spec      = "Linux mmap(2): MAP_HUGETLB, MAP_HUGE_2MB, MAP_HUGE_1GB; "
		     "Documentation/admin-guide/mm/hugetlbpage.rst",
	.profile   = "linux",
	.covers    = "N1",
);

static unsigned log2_of(size_t n)
{
	unsigned s = 0;

	while (((size_t)1 << s) < n)
		s++;
	return s;
}

/* The mapping of pages of size bytes must have failed with err. */
static void check_refused(void *p, size_t size, int err, const char *why)
{
	if (p != MAP_FAILED)
		FAIL("MAP_HUGETLB of %zu kB pages (%s) mapped, expected %s", size / 1024,
		     why, errno_name(err));
	if (errno != err)
		FAIL("MAP_HUGETLB of %zu kB pages (%s) failed with %s, expected %s",
		     size / 1024, why, errno_name(errno), errno_name(err));
}

static void run(void)
{
	const size_t sizes[] = { 2 * MIB, 1024 * MIB, page_size };

	(void)huge_page_size();		/* UNSUPPORTED without hugetlb */
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		size_t size = sizes[i];
		long long free_pages = huge_pool(size, "free_hugepages");
		long long overcommit = huge_pool(size, "nr_overcommit_hugepages");
		int flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB |
			    (int)(log2_of(size) << MAP_HUGE_SHIFT);
		unsigned char *p;

		if (size > SIZE_MAX / 4)
			continue;
		if (free_pages > 0)
			free_pages -= huge_pool(size, "resv_hugepages");
		p = mmap(NULL, size, PROT_READ | PROT_WRITE, flags, -1, 0);
		if (free_pages < 0) {
			check_refused(p, size, EINVAL, "a size with no pool");
			continue;
		}
		if (free_pages == 0) {
			if (overcommit > 0) {
				OBSERVE("surplus_pages_allowed", "%zu kB", size / 1024);
				if (p != MAP_FAILED)
					SAFE_MUNMAP(p, size);
				continue;
			}
			check_refused(p, size, ENOMEM, "none free, no overcommit");
			continue;
		}
		if (p == MAP_FAILED)
			FAIL("MAP_HUGETLB of %zu kB pages failed with %s, with %lld free",
			     size / 1024, errno_name(errno), free_pages);
		CHECK_EQ((uintptr_t)p % size, 0);
		CHECK_EQ(smaps_bytes(p, 1, "KernelPageSize"), size);
		CHECK_ZERO(p, page_size);
		CHECK_ZERO(p + size - page_size, page_size);
		fill_pattern(p, 0, page_size, 1);
		fill_pattern(p + size - page_size, 0, page_size, 2);
		CHECK_PATTERN_SEED(p, 0, page_size, 1);
		CHECK_PATTERN_SEED(p + size - page_size, 0, page_size, 2);
		SAFE_MUNMAP(p, size);
	}
}
