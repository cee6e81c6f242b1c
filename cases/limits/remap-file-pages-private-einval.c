/*
 * remap_file_pages() works on shared mappings only: on a MAP_PRIVATE
 * mapping of the same object it fails with EINVAL, and the page keeps
 * showing the object page it showed.  An emulation that skips the check
 * (and remaps, or reports success doing nothing) fails on the call.
 */
#include "limits.h"

MMAPCTS_CASE(
	.assertion = "remap_file_pages() on a MAP_PRIVATE mapping fails with EINVAL "
		     "and leaves the mapping as it was.",
	.spec      = "Linux remap_file_pages(2): ERRORS, EINVAL (addr does not refer "
		     "to a valid mapping created with MAP_SHARED)",
	.profile   = "linux",
	.covers    = "O4",
	.needs     = "remap_file_pages",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = REMAP_PAGES * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE, NULL);

	CHECK_FAILS(remap_file_pages(map, page_size, 0, remap_perm[0], 0), EINVAL);
	CHECK_PATTERN(map, 0, len);
}
