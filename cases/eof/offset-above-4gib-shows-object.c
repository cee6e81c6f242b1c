/*
 * With a 64-bit off_t, an offset above 4 GiB reaches the object: a sparse
 * object holding one page of the pattern at 4 GiB + one page, mapped at
 * that offset, shows that page.  Everything below is a hole (zeros), so a
 * kernel or libc that truncates the offset to 32 bits on its way to the
 * system call (mapping offset one page instead) shows zeros, and one that
 * refuses the offset (EINVAL, EOVERFLOW) fails at the call.  Where off_t
 * is 32-bit no such offset exists: UNSUPPORTED.
 *
 * No shm variant: the page is put in place with pwrite(), which POSIX
 * leaves unspecified for shared memory objects.
 */
#include "eof.h"

MMAPCTS_CASE(
	.assertion = "A mapping at an offset above 4 GiB of a sparse object shows "
		     "the object's bytes at that offset.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (the object at offset off); "
		     "<sys/types.h>: off_t",
	.profile   = "posix",
	.covers    = "B2",
	.variants  = "file memfd",
);

static void run(void)
{
	off_t off = offset_above_4gib();
	struct object obj = make_object(0);
	unsigned char *data = scratch(page_size);
	unsigned char *map;

	fill_pattern(data, (uint64_t)off, page_size, 0);
	SAFE_PWRITE(obj.fd, data, page_size, off);
	map = CHECK_MAP_OK(mmap(NULL, page_size, PROT_READ, MAP_SHARED, obj.fd, off));

	CHECK_PATTERN(map, (uint64_t)off, page_size);
}
