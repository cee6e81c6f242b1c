/*
 * A file mapping that mremap() grows past end-of-file is still a mapping
 * of the object at the same offsets: the grown mapping shows the object's
 * bytes in its first pages and its new pages, wholly past the end, raise
 * SIGBUS.  The object is eof_size() bytes, mapped for two pages, and the
 * mapping is grown to four (allowed to move).  Fails under a kernel that
 * fills the added part with anonymous zero pages, or moves the mapping
 * without its offset (the pattern shows at the wrong place).
 */
#include "eof.h"

MMAPCTS_CASE(
	.assertion = "After mremap() grows a file mapping past the end of the "
		     "object, its new pages raise SIGBUS and its first pages show "
		     "the object.",
	.spec      = "Linux mremap(2): DESCRIPTION (expanding a mapping); Linux "
		     "mmap(2): SIGBUS (access beyond the end of the file)",
	.profile   = "linux",
	.covers_part = "D10",
	.needs     = "mremap MREMAP_MAYMOVE",
	.variants  = "file shm memfd",
);

static void run(void)
{
	unsigned char *map = map_eof_object(NULL, 2 * page_size,
					    PROT_READ, MAP_SHARED);

	map = CHECK_MAP_OK(mremap(map, 2 * page_size, 4 * page_size, MREMAP_MAYMOVE));

	CHECK_PATTERN(map, 0, eof_size());
	CHECK_READ_FAULTS(map + 3 * page_size, SIGBUS, BUS_ADRERR);
}
