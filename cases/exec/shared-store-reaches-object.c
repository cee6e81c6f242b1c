/*
 * Stores made through a MAP_SHARED mapping are in the mapped object once
 * execve() has removed the mapping: the new process image finds them.  A
 * child maps the object - the only process that does - stores a pattern
 * into every page and re-executes itself without msync() or munmap(), so
 * exec's teardown drops the last reference to the dirty pages; the new
 * image maps the object afresh and reads it.  A kernel whose exec
 * discards dirty shared pages (treats them like private ones), or an
 * mmap() emulated in user space that writes back only at msync() or
 * munmap(), fails: the new image reads the original bytes.
 */
#include "mmapcts.h"
#include "exec.h"

MMAPCTS_CASE(
	.assertion = "Stores through a MAP_SHARED mapping made before execve() "
		     "are in the object when the new process image reads it.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_SHARED (write references "
		     "change the underlying object); exec: DESCRIPTION (memory "
		     "mappings are unmapped)",
	.profile   = "posix",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 4 * page_size;
	const unsigned char *object = object_after_exec(MAP_SHARED, len);

	CHECK_PATTERN_SEED(object, 0, len, STORED);
}
