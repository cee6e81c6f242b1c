/*
 * A store through a MAP_SHARED mapping is seen by an unrelated process
 * that maps the object MAP_SHARED: the case's process stores (no msync()),
 * then a fresh image of the case's program (fork and exec, so no mapping
 * is inherited) opens the object by its name, maps it and must find the
 * stores.  Fails under a kernel that keeps a shared mapping's stores in
 * the process until write-back, or gives each process its own copy.
 */
#include "shared-file.h"

MMAPCTS_CASE(
	.assertion = "Stores through a MAP_SHARED mapping are visible through a "
		     "MAP_SHARED mapping of the object in an unrelated process.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_SHARED (\"write "
		     "references shall change the underlying object\")",
	.profile   = "posix",
	.covers_part = "C2",
	.variants  = "file shm memfd",
);

static void run(void)
{
	check_shared_with_new_image(0);
}
