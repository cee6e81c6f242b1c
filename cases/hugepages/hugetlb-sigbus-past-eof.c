/*
 * A hugetlbfs file is mapped like any file: a read-only shared mapping of
 * two huge pages of a MFD_HUGETLB memfd (a file on the kernel's internal
 * hugetlbfs mount) one huge page long reads its first huge page, and a
 * read of the second, wholly past the end of the file, raises SIGBUS
 * (BUS_ADRERR).  Read-only, because a writable mapping of a hugetlbfs file
 * grows the file to the mapping's length (hugetlbfs_file_mmap(); the size
 * after such a mapping is recorded: writable_mapping_size), and what
 * ftruncate() to a length that is not a multiple of the huge page size
 * does is recorded too (unaligned_ftruncate).  Catches a kernel that maps
 * past the end of a hugetlbfs file.  Needs one free huge page.
 */
#include "hugepages.h"

MMAPCTS_CASE(
	.assertion = "A read through a read-only MAP_SHARED mapping of a hugetlbfs file "
		     "(MFD_HUGETLB memfd) wholly past its end raises SIGBUS, while its "
		     "huge page within the file reads.",
	.spec      = "POSIX.1-2024 mmap(): \"References beyond the end of the object "
		     "shall result in ... SIGBUS\"; Linux memfd_create(2): MFD_HUGETLB; "
		     "Documentation/admin-guide/mm/hugetlbpage.rst",
	.profile   = "linux",
	.covers    = "N2",
);

static void run(void)
{
	size_t huge = huge_pages_for_case(1);
	int fd = huge_memfd(huge);
	unsigned char *map = SAFE_MMAP(NULL, 2 * huge, PROT_READ, MAP_SHARED, fd, 0);
	struct stat st;

	CHECK_READ_OK(map + huge - 1);
	CHECK_READ_FAULTS(map + huge, SIGBUS, BUS_ADRERR);
	CHECK_READ_FAULTS(map + 2 * huge - 1, SIGBUS, BUS_ADRERR);
	CHECK_EQ(smaps_bytes(map, 1, "KernelPageSize"), huge);

	SAFE_MMAP(NULL, 2 * huge, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	SAFE_FSTAT(fd, &st);
	OBSERVE("writable_mapping_size", "%lld huge pages", (long long)st.st_size / (long long)huge);
	OBSERVE("unaligned_ftruncate", "%s",
		ftruncate(fd, (off_t)page_size) ? errno_name(errno) : "accepted");
}
