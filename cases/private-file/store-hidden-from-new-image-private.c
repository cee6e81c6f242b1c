/*
 * A store through a MAP_PRIVATE mapping is not seen by an unrelated
 * process that maps the same object privately.  The other process is a
 * fresh image of the case's program (fork and exec), so it shares no
 * memory with the case's process; it opens the object by name after the
 * store and maps it MAP_PRIVATE, read-only.  Fails under a kernel that
 * lets a private store land in the object's own page, or shares private
 * copies between processes mapping the same object.
 */
#include "private-file.h"

MMAPCTS_CASE(
	.assertion = "Stores through a MAP_PRIVATE mapping are not visible through "
		     "a MAP_PRIVATE mapping of the object in an unrelated process.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_PRIVATE "
		     "(\"modifications to the mapped data by the calling process "
		     "shall be visible only to the calling process\")",
	.profile   = "posix",
	.covers_part = "B11",
	.variants  = "file shm memfd",
);

static void run(void)
{
	check_private_store_hidden_from_new_image(MAP_PRIVATE);
}
