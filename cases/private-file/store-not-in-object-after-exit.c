/*
 * Stores through a MAP_PRIVATE mapping are discarded when the process
 * ends with the mapping still in place.  A child maps the object, stores
 * a second pattern and exits without munmap(); process exit is then the
 * only thing that removes the mapping.  The parent maps the object
 * afterwards and must see its own bytes.  Fails under a kernel that
 * writes private pages back when it tears down an exiting process's
 * address space (treats them like dirty shared pages).
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "Stores through a MAP_PRIVATE mapping do not reach the object "
		     "when the process exits with the mapping in place.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_PRIVATE (modifications "
		     "\"shall not change the underlying object\"); _Exit(): "
		     "DESCRIPTION (memory mappings are unmapped)",
	.profile   = "posix",
	.covers    = "B3",
	.variants  = "file shm memfd",
);

static size_t len;

static void store_and_exit(void *arg)
{
	const struct object *obj = arg;
	unsigned char *priv = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE,
					obj->fd, 0);

	fill_pattern(priv, 0, len, 1);
}

static void run(void)
{
	struct object obj;
	unsigned char *map;

	len = 2 * page_size;
	obj = make_object(len);
	run_in_child(store_and_exit, &obj);
	map = SAFE_MMAP(NULL, len, PROT_READ, MAP_SHARED, obj.fd, 0);

	CHECK_PATTERN(map, 0, len);
}
