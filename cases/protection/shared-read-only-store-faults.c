/*
 * A MAP_SHARED mapping made read-only by mprotect() refuses stores even
 * though the descriptor allows writing: a store raises SIGSEGV with
 * si_code SEGV_ACCERR, and the object keeps the bytes stored before.
 *
 * The mapping is written while writable (so the object's pages are
 * present, dirty and mapped writable) and only then made PROT_READ.  A
 * kernel that left the shared page's entry writable, or that let the
 * write-notify path (which makes a clean shared page writable on a write
 * fault) ignore the mapping's protection, lets the store reach the object
 * and fails.  The object is read through its own interface
 * (object_contents()).  shared-read-only-store-denied is the POSIX twin.
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "A store through a MAP_SHARED mapping made PROT_READ by "
		     "mprotect() raises SIGSEGV with si_code SEGV_ACCERR and does "
		     "not change the object.",
	.spec      = "Linux mprotect(2): DESCRIPTION (an access that violates the "
		     "protections generates SIGSEGV); POSIX.1-2024 mprotect(): "
		     "DESCRIPTION; <signal.h>: SEGV_ACCERR",
	.profile   = "linux",
	.covers    = "H2",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(page_size);
	unsigned char *map = shared_stored_then_read_only(&obj, page_size);

	CHECK_WRITE_FAULTS(map + 3, SIGSEGV, SEGV_ACCERR);
	CHECK_PATTERN_SEED(object_contents(&obj, page_size), 0, page_size, 1);
}
