/*
 * Once a page of a MAP_PRIVATE mapping has been written, it is the
 * process's own copy: a later write() to that page of the object does not
 * show through the mapping.  One byte is stored, then the whole page of
 * the object is rewritten; the private page must still hold the stored
 * byte and the object's original bytes everywhere else.  POSIX leaves
 * visibility of later changes unspecified; Linux's copy-on-write mapping
 * detaches the page at the first store, hence the linux profile.  Fails
 * under a kernel that copies only the bytes stored (sub-page copy), or
 * that drops the private copy and maps the object's page again.
 */
#include "private-file.h"

MMAPCTS_CASE(
	.assertion = "After a store to a page of a MAP_PRIVATE mapping, a write() "
		     "to that page of the object is not visible through the "
		     "mapping.",
	.spec      = "Linux mmap(2): MAP_PRIVATE (\"Create a private copy-on-write "
		     "mapping\")",
	.profile   = "linux",
	.covers_part = "B11",
	.variants  = "file memfd",
);

static void run(void)
{
	check_change_hidden_after_store(BY_WRITE);
}
