/*
 * After munmap() the range is no longer part of the address space for
 * system calls either: msync() over it fails with ENOMEM, as POSIX
 * requires for pages that are not mapped.
 *
 * A MAP_SHARED file mapping is unmapped, so that before the unmap the
 * same msync() call would have succeeded.  A kernel that leaves the
 * mapping's record behind (so that msync() still finds it and succeeds)
 * fails, as does one that answers EINVAL or EFAULT.
 */
#include "munmap.h"

MMAPCTS_CASE(
	.assertion = "msync() of a range removed by munmap() fails with ENOMEM.",
	.spec      = "POSIX.1-2024 msync(): ERRORS, shall fail: ENOMEM (the range "
		     "\"specif[ies] one or more pages that are not mapped\"); "
		     "munmap(): DESCRIPTION",
	.profile   = "posix",
	.covers    = "I4",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 2 * page_size;
	struct object obj;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, 2 * page_size, PROT_READ | PROT_WRITE,
					      MAP_SHARED, &obj);

	SAFE_MSYNC(map, len, MS_SYNC);
	SAFE_MUNMAP(map, len);

	CHECK_FAILS(msync(map, len, MS_SYNC), ENOMEM);
}
