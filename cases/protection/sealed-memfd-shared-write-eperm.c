/*
 * A memfd sealed with F_SEAL_WRITE refuses every way of changing it,
 * including a new shared writable mapping: mmap() with PROT_WRITE and
 * MAP_SHARED fails with EPERM.
 *
 * The memfd is created with MFD_ALLOW_SEALING, filled, and sealed before
 * any mapping exists; its descriptor is open read-write, so the seal is
 * the only reason to refuse.  A kernel that checked the seal only in
 * write() lets the mapping through (and with it stores into a sealed
 * object) and fails.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "mmap() with PROT_READ | PROT_WRITE and MAP_SHARED of a memfd "
		     "sealed with F_SEAL_WRITE fails with EPERM.",
	.spec      = "Linux fcntl(2): File seals, F_SEAL_WRITE (\"trying to create "
		     "new shared, writable memory-mappings via mmap(2) will also fail "
		     "with EPERM\"); Linux memfd_create(2)",
	.profile   = "linux",
	.covers    = "C10",
	.needs     = "memfd_create F_SEAL_WRITE",
);

static void run(void)
{
	int fd = write_sealed_memfd(page_size);

	CHECK_MAP_FAILS(mmap(NULL, page_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0),
			EPERM);
}
