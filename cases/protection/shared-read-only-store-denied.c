/*
 * A store through a MAP_SHARED mapping that mprotect() made read-only
 * does not succeed and does not reach the object, whatever the
 * descriptor allows.  POSIX names no signal, so the refusal is checked
 * with CHECK_WRITE_DENIED; shared-read-only-store-faults is the Linux
 * twin (SIGSEGV, SEGV_ACCERR).
 *
 * The object's pages are present, dirty and writable-mapped before write
 * access is taken away (shared_stored_then_read_only()); a kernel that
 * kept a writable entry, or whose write-notify path made the page
 * writable again on the fault, changes the object and fails.
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "A store through a MAP_SHARED mapping made PROT_READ by "
		     "mprotect() does not complete and does not change the object.",
	.spec      = "POSIX.1-2024 mprotect(): DESCRIPTION (\"no implementation shall "
		     "permit a write to succeed where PROT_WRITE has not been set\")",
	.profile   = "posix",
	.covers_part = "H2",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(page_size);
	unsigned char *map = shared_stored_then_read_only(&obj, page_size);

	CHECK_WRITE_DENIED(map + page_size - 1);
	CHECK_PATTERN_SEED(object_contents(&obj, page_size), 0, page_size, 1);
}
