/*
 * Once a page of a MAP_PRIVATE mapping has been written, later stores to
 * that page of the object through a MAP_SHARED mapping do not show
 * through the private mapping.  One byte is stored privately, then the
 * whole page is rewritten through a shared mapping made afterwards; the
 * private page must still hold the stored byte and the original bytes.
 * The shared mapping reaches the object's page directly (no write() path
 * that might copy), so a kernel that left the private mapping pointing at
 * that page fails, as does one that copies only the bytes stored.  Linux
 * profile: Linux's copy-on-write promise, not POSIX, makes it so.
 */
#include "private-file.h"

MMAPCTS_CASE(
	.assertion = "After a store to a page of a MAP_PRIVATE mapping, stores to "
		     "that page of the object through a MAP_SHARED mapping are not "
		     "visible through the private mapping.",
	.spec      = "Linux mmap(2): MAP_PRIVATE (\"Create a private copy-on-write "
		     "mapping\")",
	.profile   = "linux",
	.covers_part = "B11",
	.variants  = "file shm memfd",
);

static void run(void)
{
	check_change_hidden_after_store(BY_SHARED_STORE);
}
