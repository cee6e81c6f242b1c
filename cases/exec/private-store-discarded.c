/*
 * Stores made through a MAP_PRIVATE mapping are discarded when execve()
 * removes the mapping: the new process image finds the object's original
 * bytes.  A child maps the object - the only process that does - stores a
 * pattern into every page and re-executes itself without munmap(); the
 * new image maps the object afresh and reads it.  A kernel whose exec
 * teardown writes private pages back to the object (as it should for
 * shared ones) fails: the new image reads the child's bytes.
 */
#include "mmapcts.h"
#include "exec.h"

MMAPCTS_CASE(
	.assertion = "Stores through a MAP_PRIVATE mapping made before execve() "
		     "are not in the object when the new process image reads it.",
	.spec      = "POSIX.1-2024 exec: DESCRIPTION (memory mappings are "
		     "unmapped); munmap(): DESCRIPTION (modifications of a private "
		     "mapping being removed shall be discarded)",
	.profile   = "posix",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 4 * page_size;
	const unsigned char *object = object_after_exec(MAP_PRIVATE, len);

	CHECK_PATTERN_SEED(object, 0, len, ORIGINAL);
}
