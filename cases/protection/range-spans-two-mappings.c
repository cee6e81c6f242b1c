/*
 * mprotect() acts on the address range, not on one mapping: a range that
 * covers two adjacent mappings of different kinds (private anonymous
 * memory and a shared file mapping) changes the pages of both.
 *
 * The two mappings are placed side by side inside a reservation
 * (MAP_FIXED only there), each one page long, and one call makes both
 * read-only.  An implementation that stops at the end of the first
 * mapping (or refuses a range spanning mappings) leaves the second
 * writable, or fails the call, and fails here.  POSIX names no signal for
 * the refused stores, so they are checked with CHECK_WRITE_DENIED.
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "One mprotect() over two adjacent mappings (anonymous and "
		     "file) changes the protection of the pages of both.",
	.spec      = "POSIX.1-2024 mprotect(): DESCRIPTION (\"those whole pages "
		     "containing any part of the address space of the process "
		     "starting at address addr and continuing for len bytes\")",
	.profile   = "posix",
);

static void run(void)
{
	struct object obj = make_object(page_size);
	unsigned char *range = reserve(2 * page_size);

	SAFE_MMAP(range, page_size, PROT_READ | PROT_WRITE,
		  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	SAFE_MMAP(range + page_size, page_size, PROT_READ | PROT_WRITE,
		  MAP_SHARED | MAP_FIXED, obj.fd, 0);

	CHECK_OK(mprotect(range, 2 * page_size, PROT_READ));

	CHECK_WRITE_DENIED(range + page_size - 1);
	CHECK_WRITE_DENIED(range + page_size);
}
