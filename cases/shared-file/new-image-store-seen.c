/*
 * Stores by an unrelated process through its own MAP_SHARED mapping are
 * seen through a MAP_SHARED mapping the case's process held all along.
 * The case's process maps the object and reads every page first, so it
 * holds the pages; a fresh image of the case's program (fork and exec)
 * opens the object by name, maps it, stores and exits; then the held
 * mapping must show the stores.  This is the direction a stale page would
 * show in.  Fails under a kernel that copies shared pages per process, or
 * does not update (or invalidate) other processes' mappings.
 */
#include "shared-file.h"

MMAPCTS_CASE(
	.assertion = "Stores by an unrelated process through its MAP_SHARED mapping "
		     "are visible through an existing MAP_SHARED mapping of the "
		     "object.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_SHARED (\"write "
		     "references shall change the underlying object\")",
	.profile   = "posix",
	.covers_part = "C2",
	.variants  = "file shm memfd",
);

static void run(void)
{
	check_shared_with_new_image(1);
}
