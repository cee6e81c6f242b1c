/*
 * A MAP_PRIVATE mapping needs no write permission on the object to become
 * writable: mprotect() adding PROT_WRITE to a private mapping made through
 * an O_RDONLY descriptor succeeds, and the mapping then takes stores.
 *
 * The mapping is created PROT_READ, so the write permission comes only
 * from mprotect(); the stores go to private copies, so the descriptor's
 * missing write access does not matter.  A store at the first byte must
 * read back and one at the last byte complete.  A kernel that applied the
 * MAP_SHARED rule (EACCES) to private mappings at mprotect() time, or that
 * accepted the call but kept the pages read-only, fails.  (Whether the
 * stores stay private is private-write-on-rdonly-fd-stays-private.)
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "mprotect() adding PROT_WRITE to a MAP_PRIVATE mapping made "
		     "through an O_RDONLY descriptor succeeds and the mapping takes "
		     "stores.",
	.spec      = "POSIX.1-2024 mprotect(): DESCRIPTION (write permission on the "
		     "object is needed for PROT_WRITE \"unless MAP_PRIVATE was "
		     "specified in the original mapping\"), ERRORS, EACCES",
	.profile   = "posix",
	.covers    = "C5",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(page_size);
	int rdonly;
	unsigned char *map = map_through_rdonly_fd(&obj, MAP_PRIVATE, &rdonly);

	CHECK_OK(mprotect(map, page_size, PROT_READ | PROT_WRITE));
	CHECK_WRITE_OK(map, 0x5a);
	CHECK_EQ(map[0], 0x5a);
	CHECK_WRITE_OK(map + page_size - 1, 0x5a);
}
