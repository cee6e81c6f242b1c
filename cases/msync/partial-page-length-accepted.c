/*
 * msync() with a length that is not a multiple of the page size succeeds:
 * POSIX has it act on the whole pages holding any part of the range, so
 * the length needs no rounding by the caller.  Lengths of one byte, half
 * a page, a page and one byte and all but the last byte of a written
 * two-page MAP_SHARED file mapping each return 0.  Fails under a kernel
 * or libc that demands page-multiple lengths (EINVAL), as munmap()-like
 * argument checks might.
 */
#include "msync.h"

MMAPCTS_CASE(
	.assertion = "msync() of a mapped range whose length is not a multiple of "
		     "the page size returns 0.",
	.spec      = "POSIX.1-2024 msync(): DESCRIPTION (acts on \"those whole pages "
		     "containing any part of the address space of the process "
		     "starting at address addr and continuing for len bytes\")",
	.profile   = "posix",
	.covers    = "I3",
);

static void run(void)
{
	size_t len = 2 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_SHARED, NULL);
	const size_t lengths[] = { 1, page_size / 2, page_size + 1, len - 1 };

	fill_pattern(map, 0, len, 1);

	for (size_t i = 0; i < sizeof(lengths) / sizeof(lengths[0]); i++)
		if (msync(map, lengths[i], MS_SYNC) != 0)
			FAIL("msync() of %zu bytes (page size %zu) failed with %s, "
			     "expected success", lengths[i], page_size, errno_name(errno));
}
