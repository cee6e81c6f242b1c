/*
 * Stores through a mapping rearranged by remap_file_pages() reach the
 * object at the offsets of the pages shown, not at the offsets the pages
 * had before: after each page i of a 4-page MAP_SHARED mapping is given
 * object page perm[i], a new pattern stored into page i as it belongs at
 * perm[i] makes the whole object hold the new pattern.  An emulation
 * that maps the chosen pages privately (reads right, stores lost), or
 * does nothing (stores land on the old pages), fails on the object's
 * contents.  The rearranged contents alone are
 * remap-file-pages-shows-object-pages.
 */
#include "limits.h"

MMAPCTS_CASE(
	.assertion = "Stores through pages rearranged by remap_file_pages() reach "
		     "the object at the offsets of the object pages they show.",
	.spec      = "Linux remap_file_pages(2): DESCRIPTION (the mapping stays "
		     "MAP_SHARED; pgoff: the file offset in units of the system page "
		     "size)",
	.profile   = "linux",
	.covers    = "O4",
	.needs     = "remap_file_pages",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = REMAP_PAGES * page_size;
	struct object obj;
	unsigned char *map = permuted_shared_mapping(&obj);

	for (size_t i = 0; i < REMAP_PAGES; i++)
		fill_pattern(map + i * page_size, remap_perm[i] * page_size, page_size, 1);

	CHECK_PATTERN_SEED(object_contents(&obj, len), 0, len, 1);
}
