/*
 * remap_file_pages() rearranges the pages of a shared mapping: after
 * each page of a 4-page MAP_SHARED mapping is remapped to another page
 * of the object (the permutation 2 0 3 1), every page shows the object
 * page it was given, on every shared backing.  The call is deprecated
 * and since Linux 4.0 emulated with new mappings, which is what this
 * checks: an emulation that returns 0 and does nothing, or maps the
 * wrong page (an off-by-one in the page offset), fails on the contents.
 * Only ENOSYS (no such system call) is UNSUPPORTED.
 */
#include "limits.h"

MMAPCTS_CASE(
	.assertion = "After remap_file_pages() gives each page of a MAP_SHARED "
		     "mapping another page of the object, each page shows the "
		     "object page it was given.",
	.spec      = "Linux remap_file_pages(2): DESCRIPTION (pgoff: the file offset "
		     "in units of the system page size; since Linux 4.0 emulated by "
		     "creating new mappings)",
	.profile   = "linux",
	.covers    = "O4",
	.needs     = "remap_file_pages",
	.variants  = "file shm memfd",
);

static void run(void)
{
	unsigned char *map = permuted_shared_mapping(NULL);

	for (size_t i = 0; i < REMAP_PAGES; i++)
		CHECK_PATTERN(map + i * page_size, remap_perm[i] * page_size, page_size);
}
