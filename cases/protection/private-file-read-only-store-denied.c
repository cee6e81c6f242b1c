/*
 * A MAP_PRIVATE mapping of an object, made read-only by mprotect() after
 * it was written, refuses further stores and keeps its private copy: the
 * store does not complete, and the page still holds the bytes stored
 * while it was writable (not the object's).
 *
 * The stores made while writable gave the process private copies of the
 * pages; a kernel that answered the refused store by copying the page
 * again, or that dropped the private copies when write access went away
 * (falling back to the object's bytes), fails.  POSIX names no signal, so
 * the refusal is checked with CHECK_WRITE_DENIED.
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "A store to a MAP_PRIVATE object mapping made PROT_READ after "
		     "it was written does not complete, and the mapping keeps the "
		     "privately stored bytes.",
	.spec      = "POSIX.1-2024 mprotect(): DESCRIPTION (\"no implementation shall "
		     "permit a write to succeed where PROT_WRITE has not been "
		     "set\"); mmap(): DESCRIPTION, MAP_PRIVATE",
	.profile   = "posix",
	.covers_part = "H2",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(page_size);
	unsigned char *map = SAFE_MMAP(NULL, page_size, PROT_READ | PROT_WRITE,
				       MAP_PRIVATE, obj.fd, 0);

	fill_pattern(map, 0, page_size, 1);
	SAFE_MPROTECT(map, page_size, PROT_READ);

	CHECK_WRITE_DENIED(map);
	CHECK_PATTERN_SEED(map, 0, page_size, 1);
}
