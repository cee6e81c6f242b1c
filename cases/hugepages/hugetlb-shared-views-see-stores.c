/*
 * Shared hugetlb memory is one object: a store through one view shows in
 * every other at once.  Variants: two MAP_SHARED mappings of one
 * MFD_HUGETLB memfd (a file on the kernel's internal hugetlbfs mount), of
 * a file on a hugetlbfs the case mounts (in a child, in a mount namespace
 * of its own; UNSUPPORTED where none can be made), two shmat() attachments of one
 * SHM_HUGETLB segment, and a MAP_SHARED|MAP_ANONYMOUS|MAP_HUGETLB mapping
 * seen by a child after fork().  Each side stores the pattern (its own
 * seed) at both ends of the huge page and the other side must read it.
 * Catches a kernel that gives each view of a hugetlb object its own
 * copy.  Needs one free huge page (UNSUPPORTED otherwise: vm.nr_hugepages).
 */
#include "hugepages.h"

MMAPCTS_CASE(
	.assertion = "Stores through one view of shared hugetlb memory (a MFD_HUGETLB "
		     "memfd or a hugetlbfs file mapped twice, a SHM_HUGETLB segment attached twice, shared "
		     "anonymous MAP_HUGETLB memory across fork()) are read through the "
		     "other.",
	.spec      = "Linux mmap(2): MAP_SHARED, MAP_HUGETLB; memfd_create(2): MFD_HUGETLB; "
		     "shmget(2): SHM_HUGETLB",
	.profile   = "linux",
	.covers    = "N2",
	.variants  = "memfd hugetlbfs shm shared",
);

static size_t huge;

/* Store seed's pattern at the first and last base page of the huge page
 * at to, then read seed's back at those of from. */
static void store_and_see(unsigned char *to, unsigned char *from, unsigned seed)
{
	fill_pattern(to, 0, page_size, seed);
	fill_pattern(to + huge - page_size, 0, page_size, seed);
	CHECK_PATTERN_SEED(from, 0, page_size, seed);
	CHECK_PATTERN_SEED(from + huge - page_size, 0, page_size, seed);
}

static void child_side(void *arg)
{
	unsigned char *map = arg;

	CHECK_PATTERN_SEED(map, 0, page_size, 1);	/* the parent's store */
	fill_pattern(map, 0, page_size, 2);
}

/* Two MAP_SHARED mappings of one hugetlbfs file, each seeing the other's
 * stores (in a child: the mount namespace goes with it). */
static void on_hugetlbfs(void *arg)
{
	int fd = hugetlbfs_file(huge);
	unsigned char *a = SAFE_MMAP(NULL, huge, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	unsigned char *b = SAFE_MMAP(NULL, huge, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);

	store_and_see(a, b, 1);
	store_and_see(b, a, 2);
}

static void run(void)
{
	unsigned char *a, *b;

	huge = huge_pages_for_case(1);
	if (variant_is("hugetlbfs")) {
		run_in_child(on_hugetlbfs, NULL);
		return;
	}
	if (variant_is("shared")) {
		a = map_huge("shared", huge, huge, 0);
		if (a == MAP_FAILED)
			FAIL("shared MAP_HUGETLB mapping failed: %s", errno_name(errno));
		fill_pattern(a, 0, page_size, 1);
		run_in_child(child_side, a);
		CHECK_PATTERN_SEED(a, 0, page_size, 2);		/* the child's store */
		return;
	}
	if (variant_is("memfd")) {
		int fd = huge_memfd(huge);

		a = SAFE_MMAP(NULL, huge, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		b = SAFE_MMAP(NULL, huge, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	} else {
		int id = shmget(IPC_PRIVATE, huge, IPC_CREAT | 0600 | SHM_HUGETLB);

		if (id < 0)
			FAIL("shmget(SHM_HUGETLB) of one huge page failed: %s", errno_name(errno));
		a = shmat(id, NULL, 0);
		b = shmat(id, NULL, 0);
		shmctl(id, IPC_RMID, NULL);
		if (a == (void *)-1 || b == (void *)-1)
			UNRESOLVED("shmat() of a SHM_HUGETLB segment failed: %s", errno_name(errno));
	}
	store_and_see(a, b, 1);
	store_and_see(b, a, 2);
}
