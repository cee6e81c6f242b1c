/*
 * Write access can be added later, with mprotect(), to a MAP_PRIVATE
 * mapping of a descriptor open for reading only: the stores go to private
 * copies, so the descriptor's missing write access does not matter.  The
 * mapping starts PROT_READ; mprotect(PROT_READ|PROT_WRITE) must succeed
 * and a store must then complete.  Fails under a kernel that applies the
 * MAP_SHARED rule (EACCES without write access) to private mappings at
 * mprotect() time, or that accepts the call but leaves the page
 * read-only.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "mprotect() adding PROT_WRITE to a MAP_PRIVATE mapping of a "
		     "read-only descriptor succeeds, and the mapping then takes "
		     "stores.",
	.spec      = "POSIX.1-2024 mprotect(): ERRORS, EACCES (only a protection "
		     "that violates the access permission to the object); mmap(): "
		     "DESCRIPTION (PROT_WRITE needs write permission \"unless "
		     "MAP_PRIVATE is specified\")",
	.profile   = "posix",
	.covers    = "C5",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(page_size);
	int fd = reopen_object(&obj, O_RDONLY);
	unsigned char *map = SAFE_MMAP(NULL, page_size, PROT_READ, MAP_PRIVATE, fd, 0);

	CHECK_OK(mprotect(map, page_size, PROT_READ | PROT_WRITE));
	CHECK_WRITE_OK(map, 0x5a);
	CHECK_EQ(map[0], 0x5a);
}
