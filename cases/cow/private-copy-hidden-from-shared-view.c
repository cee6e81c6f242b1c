/*
 * A private copy of an object stays out of the object's shared view, on
 * the backings the other private-file cases do not use (the variant): an
 * unnamed O_TMPFILE file, and one huge page of a memfd_create(MFD_HUGETLB)
 * object.  The object is filled through a MAP_SHARED mapping, mapped
 * MAP_PRIVATE too, and the private mapping is stored into; the shared
 * mapping must still show the object's bytes and the private one its
 * stores, and a store through the shared mapping made after that must not
 * show in the private copy.  hugetlbfs copies a whole huge page on the
 * private write fault, from its own reserve; a kernel that writes into
 * the object's page (or maps the shared one again after the copy) fails
 * here.  The hugetlb variant needs two free huge pages: where
 * /proc/meminfo has fewer (none are reserved unless an administrator sets
 * vm.nr_hugepages, which a case never does), it is UNSUPPORTED with the
 * count.
 */
#include "mmapcts.h"
#include "cow.h"

MMAPCTS_CASE(
	.assertion = "Stores through a MAP_PRIVATE mapping of an O_TMPFILE file or a "
		     "hugetlb memfd are not seen through its MAP_SHARED mapping, nor "
		     "later shared stores through the private copy.",
	.spec      = "Linux mmap(2): MAP_PRIVATE; open(2): O_TMPFILE (since 3.11); "
		     "memfd_create(2): MFD_HUGETLB (since 4.14)",
	.profile   = "linux",
	.covers    = "B11",
	.variants  = "tmpfile hugetlb",
	.needs     = "memfd_create",
);

/* The object of the variant, of *len bytes (one huge page for hugetlb). */
static int make_view_object(size_t *len)
{
	int fd;

	if (variant_is("tmpfile")) {
		*len = 4 * page_size;
		fd = open(tmpdir(), O_TMPFILE | O_RDWR, 0600);
		if (fd < 0 && errno == EOPNOTSUPP)	/* open(2): not this filesystem */
			UNSUPPORTED("the temp directory's filesystem has no O_TMPFILE "
				    "(open() failed with EOPNOTSUPP)");
		if (fd < 0)
			FEATURE_REFUSED("open(O_TMPFILE)", "3.11", errno);
		return fd;
	}
	*len = free_huge_pages(2);
	fd = memfd_create("hugetlb-object", MFD_HUGETLB);
	if (fd < 0)
		FEATURE_REFUSED("memfd_create(MFD_HUGETLB)", "4.14", errno);
	return fd;
}

static void run(void)
{
	size_t len;
	int fd = make_view_object(&len);
	unsigned char *shared, *priv;

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
