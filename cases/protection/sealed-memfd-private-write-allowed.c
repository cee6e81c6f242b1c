/*
 * F_SEAL_WRITE protects the memfd, not the process's private copies: a
 * MAP_PRIVATE mapping of a sealed memfd may be writable, and stores
 * through it stay private (the memfd keeps its bytes).
 *
 * A kernel that refused every writable mapping of a sealed memfd
 * (over-applying the seal) fails on the mmap(); one that let the private
 * stores reach the sealed object fails on the contents, read back with
 * pread().
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "mmap() with PROT_READ | PROT_WRITE and MAP_PRIVATE of a memfd "
		     "sealed with F_SEAL_WRITE succeeds, and stores through it do "
		     "not change the memfd.",
	.spec      = "Linux fcntl(2): File seals, F_SEAL_WRITE (only shared writable "
		     "mappings are refused); POSIX.1-2024 mmap(): MAP_PRIVATE",
	.profile   = "linux",
	.covers_part = "C10",
	.needs     = "memfd_create F_SEAL_WRITE",
);

static void run(void)
{
	int fd = write_sealed_memfd(page_size);
	unsigned char *map = CHECK_MAP_OK(mmap(NULL, page_size, PROT_READ | PROT_WRITE,
					       MAP_PRIVATE, fd, 0));
	unsigned char *file = scratch(page_size);

	fill_pattern(map, 0, page_size, 5);
	SAFE_PREAD(fd, file, page_size, 0);

	CHECK_PATTERN(file, 0, page_size);
}
