/*
 * A store through a MAP_PRIVATE mapping is not seen by an unrelated
 * process that maps the same object MAP_SHARED.  The other process is a
 * fresh image of the case's program (fork and exec), so it inherits no
 * mapping; its shared mapping shows the object as it is.  Unlike the
 * forked observer of store-not-seen-by-other-process, this one also
 * opens the object anew by its name.  Fails under a kernel that lets a
 * private store reach the object's page.
 */
#include "private-file.h"

MMAPCTS_CASE(
	.assertion = "Stores through a MAP_PRIVATE mapping are not visible through "
		     "a MAP_SHARED mapping of the object in an unrelated process.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_PRIVATE "
		     "(\"modifications to the mapped data by the calling process "
		     "shall be visible only to the calling process and shall not "
		     "change the underlying object\")",
	.profile   = "posix",
	.covers_part = "B11",
	.variants  = "file shm memfd",
);

static void run(void)
{
	check_private_store_hidden_from_new_image(MAP_SHARED);
}
