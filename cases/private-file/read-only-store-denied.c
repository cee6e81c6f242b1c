/*
 * A MAP_PRIVATE mapping without PROT_WRITE takes no stores, although a
 * store to it could never reach the object: the store is denied (SIGSEGV
 * or SIGBUS, whichever the system uses; recorded as "write_denied_by")
 * and the page keeps the object's bytes.  The descriptor is open O_RDWR,
 * so only the protection forbids the store.  Fails under a kernel that
 * answers the write fault on a private file page by copying it (the
 * copy-on-write path) without checking that the mapping is writable.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "A store through a PROT_READ MAP_PRIVATE file mapping does not "
		     "succeed, and the page keeps the object's bytes.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (\"shall not permit a write "
		     "to succeed where PROT_WRITE has not been set\")",
	.profile   = "posix",
	.covers_part = "A7",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(page_size);
	unsigned char *map = SAFE_MMAP(NULL, page_size, PROT_READ, MAP_PRIVATE, obj.fd, 0);

	CHECK_WRITE_DENIED(map);
	CHECK_PATTERN(map, 0, page_size);
}
