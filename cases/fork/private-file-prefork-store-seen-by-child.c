/*
 * Stores the parent made before fork() to a MAP_PRIVATE object mapping
 * are seen by the child: the child inherits the parent's modified copy,
 * not the object's bytes.  The parent stores a new pattern into every
 * other page (so the mapping holds private copies next to untouched
 * page-cache pages) and forks; the child must read the new pattern in the
 * written pages and the object's bytes in the others.  A fork that
 * rebuilds private file mappings from the object (dropping the parent's
 * private copies), or gets the order of copies and untouched pages wrong,
 * fails.
 */
#include "mmapcts.h"
#include "fork.h"

MMAPCTS_CASE(
	.assertion = "A forked child reads, through an inherited MAP_PRIVATE "
		     "object mapping, the stores its parent made before fork().",
	.spec      = "POSIX.1-2024 fork(): DESCRIPTION (any modifications to the "
		     "data in these mappings made by the parent prior to calling "
		     "fork() shall be visible to the child)",
	.profile   = "posix",
	.variants  = "file shm memfd",
);

static size_t len;

static void child(void *arg)
{
	unsigned char *map = arg;

	for (size_t off = 0; off < len; off += page_size) {
		unsigned seed = off / page_size % 2 ? BEFORE_FORK : STORED;

		CHECK_PATTERN_SEED(map + off, off, page_size, seed);
	}
}

static void run(void)
{
	unsigned char *map;

	len = 4 * page_size;
	map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE, NULL);
	for (size_t off = 0; off < len; off += 2 * page_size)
		fill_pattern(map + off, off, page_size, STORED);

	run_in_child(child, map);
}
