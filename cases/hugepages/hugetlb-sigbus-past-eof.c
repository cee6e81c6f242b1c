/*
 * A hugetlbfs file is mapped like any file: a shared mapping of two huge
 * pages of a MFD_HUGETLB memfd (a file on the kernel's internal hugetlbfs
 * mount) one huge page long reads and takes stores in the first huge page,
 * and an access to the second, wholly past the end of the file, raises
 * SIGBUS (BUS_ADRERR).  What ftruncate() to a length that is not a
 * multiple of the huge page size does is recorded (unaligned_ftruncate).
 * Catches a kernel that maps past the end of a hugetlbfs
 * file or rounds its size.  Needs one free huge page.
 */
#include "hugepages.h"

MMAPCTS_CASE(
	.assertion = "An access to a MAP_SHARED mapping of a hugetlbfs file (MFD_HUGETLB "
		     "memfd) wholly past its end raises SIGBUS, while its huge page "
		     "within the file takes stores.",
	.spec      = "POSIX.1-2024 mmap(): \"References beyond the end of the object "
		     "shall result in ... SIGBUS\"; Linux memfd_create(2): MFD_HUGETLB; "
		     "Documentation/admin-guide/mm/hugetlbpage.rst",
	.profile   = "linux",
	.covers_part = "N2",
	.no_fault  = "on this host no huge page is reserved, so the case is UNSUPPORTED "
		     "and no fault can be proved caught here (a guest with vm.nr_hugepages can)",
);

static void run(void)
{
	size_t huge = huge_pages_for_case(1);
	int fd = huge_memfd(huge);
	unsigned char *map = SAFE_MMAP(NULL, 2 * huge, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);

	CHECK_EQ(smaps_bytes(map, 1, "KernelPageSize"), huge);
	CHECK_WRITE_OK(map + huge - 1, 0x5a);
	CHECK_READ_FAULTS(map + huge, SIGBUS, BUS_ADRERR);
	CHECK_READ_FAULTS(map + 2 * huge - 1, SIGBUS, BUS_ADRERR);
	OBSERVE("unaligned_ftruncate", "%s",
		ftruncate(fd, (off_t)page_size) ? errno_name(errno) : "accepted");
}
