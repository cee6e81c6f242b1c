/*
 * Bytes stored through a mapping of a memory object, private or shared,
 * survive a round trip of the mapping through PROT_NONE.
 *
 * The object holds one pattern and the process stores another.  Through a
 * MAP_PRIVATE mapping the stores make private copies of the pages: a
 * kernel that discarded them while the pages were inaccessible and
 * faulted the object's pages back in shows the object's pattern and
 * fails.  Through a MAP_SHARED mapping they dirty the object's pages: a
 * kernel that lost dirty shared pages when their last accessible mapping
 * went away fails the same way.  The round trip is
 * CHECK_SURVIVES_PROT_NONE() of protection.h.
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "Bytes stored through MAP_PRIVATE and through MAP_SHARED "
		     "mappings of an object are unchanged after mprotect(PROT_NONE) "
		     "followed by mprotect(PROT_READ | PROT_WRITE).",
	.spec      = "POSIX.1-2024 mprotect(): DESCRIPTION (mprotect() changes the "
		     "access protections of the pages); mmap(): DESCRIPTION, "
		     "MAP_PRIVATE, MAP_SHARED",
	.profile   = "posix",
	.covers    = "H1",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(2 * page_size);

	CHECK_SURVIVES_PROT_NONE(MAP_PRIVATE, obj.fd);
	CHECK_SURVIVES_PROT_NONE(MAP_SHARED, obj.fd);
}
