/*
 * A read-only shared mapping of a memfd sealed with F_SEAL_WRITE can never
 * become writable: mprotect() adding PROT_WRITE fails.  Current Linux
 * marks such a mapping as never writable, so the call fails with EACCES
 * like any request for an access the mapping may not have (mprotect(2));
 * fcntl(2) documents no error for this path, so the seal's own error,
 * EPERM, is accepted too.
 *
 * The memfd is sealed before it is mapped, then mapped PROT_READ and
 * MAP_SHARED through its read-write descriptor, so the descriptor would
 * allow writing and the seal is the only reason to refuse.  A kernel that
 * enforced the seal only when a mapping is created lets the upgrade
 * through (the sealed object then changes with every store) and fails.
 * Kernels before 6.7 refuse the read-only shared mapping itself with
 * EPERM (mmap_region() took every VM_SHARED mapping for a writable one
 * until commit 158978945f31): there the case cannot be set up and is
 * UNSUPPORTED.  On 6.7 or later (uname) the refusal fails
 * (FEATURE_REFUSED()): 6.12 kernels without commit ea0916e01d0b, which
 * fixed that regression in 6.13, do.  Some stable kernels before 6.7 have
 * the change backported (Debian's 6.1.0-50 maps; 5.10.0-32 refuses).
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "mprotect() adding PROT_WRITE to a read-only MAP_SHARED "
		     "mapping of a memfd sealed with F_SEAL_WRITE fails with EACCES "
		     "or EPERM.",
	.spec      = "Linux fcntl(2): File seals, F_SEAL_WRITE (the file contents "
		     "cannot be modified; shared writable mappings are refused); "
		     "Linux mprotect(2): ERRORS: EACCES",
	.profile   = "linux",
	.covers    = "C10",
	.needs     = "memfd_create F_SEAL_WRITE",
);

static void run(void)
{
	int fd = write_sealed_memfd(page_size);
	unsigned char *map = mmap(NULL, page_size, PROT_READ, MAP_SHARED, fd, 0);

	if (map == MAP_FAILED && errno == EPERM)
		FEATURE_REFUSED("a read-only MAP_SHARED mapping of a write-sealed memfd",
				"6.7", errno);
	if (map == MAP_FAILED)
		UNRESOLVED("mmap(PROT_READ, MAP_SHARED) of a write-sealed memfd failed: %s",
			   errno_name(errno));

	CHECK_FAILS(mprotect(map, page_size, PROT_READ | PROT_WRITE), EACCES, EPERM);
}
