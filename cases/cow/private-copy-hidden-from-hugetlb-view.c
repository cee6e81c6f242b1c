/*
 * A private copy of a hugetlb object stays out of its shared view: one
 * huge page of a memfd_create(MFD_HUGETLB) object is filled through a
 * MAP_SHARED mapping, mapped MAP_PRIVATE too, and the private mapping is
 * stored into; the shared mapping must still show the object's bytes and
 * the private one its stores, and a store through the shared mapping made
 * after that must not show in the private copy.  hugetlbfs copies a whole
 * huge page on the private write fault, from its own reserve; a kernel
 * that writes into the object's huge page (or maps the shared one again
 * after the copy) fails here.  Needs two free huge pages: where
 * /proc/meminfo has fewer (none are reserved unless an administrator sets
 * vm.nr_hugepages, which a case never does), UNSUPPORTED with the count.
 */
#include "mmapcts.h"
#include "cow.h"

MMAPCTS_CASE(
	.assertion = "Stores through a MAP_PRIVATE mapping of a hugetlb memfd are not "
		     "seen through its MAP_SHARED mapping, nor later shared stores "
		     "through the private copy.",
	.spec      = "Linux memfd_create(2): MFD_HUGETLB (since 4.14); mmap(2): "
		     "MAP_PRIVATE; Documentation/admin-guide/mm/hugetlbpage.rst",
	.profile   = "linux",
	.covers_part = "B11",
	.needs     = "memfd_create",
);

static void run(void)
{
	size_t len = (size_t)meminfo_bytes("Hugepagesize");
	unsigned long long free_pages = meminfo_bytes("HugePages_Free") / 1024;
	unsigned char *shared, *priv;
	int fd;

	/* HugePages_Free is a count, which meminfo_bytes() read as kB. */
	if (!len || free_pages < 2)
		UNSUPPORTED("/proc/meminfo: HugePages_Free is %llu, two huge pages "
			    "are needed (none are reserved unless vm.nr_hugepages is set)",
			    free_pages);
	fd = memfd_create("hugetlb-object", MFD_HUGETLB);
	if (fd < 0)
		FEATURE_REFUSED("memfd_create(MFD_HUGETLB)", "4.14", errno);
	SAFE_FTRUNCATE(fd, (off_t)len);
	shared = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	fill_pattern(shared, 0, len, BEFORE_FORK);
	priv = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	CHECK_PATTERN(priv, 0, len);

	fill_pattern(priv, 0, len, STORED);
	CHECK_PATTERN(shared, 0, len);
	fill_pattern(shared, 0, page_size, STORED + 1);

	CHECK_PATTERN_SEED(priv, 0, len, STORED);
}
