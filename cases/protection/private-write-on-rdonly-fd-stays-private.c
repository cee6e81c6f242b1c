/*
 * Stores through a MAP_PRIVATE mapping that mprotect() made writable
 * (the mapping was made through an O_RDONLY descriptor) stay in the
 * process: the object keeps its bytes.
 *
 * The page is read before the upgrade, so the process maps the object's
 * own page read-only; the store after mprotect() must copy it.  A kernel
 * that made the existing page table entry writable instead of breaking
 * copy-on-write writes into the object (which the descriptor never
 * allowed) and fails: the object, read through its own interface, shows
 * the store.
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "Stores through a MAP_PRIVATE mapping of an O_RDONLY "
		     "descriptor, made writable by mprotect(), do not change the "
		     "object.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION, MAP_PRIVATE (changes \"shall "
		     "not change the underlying object\"); mprotect(): DESCRIPTION",
	.profile   = "posix",
	.covers    = "B3",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(page_size);
	int rdonly;
	unsigned char *map = map_through_rdonly_fd(&obj, MAP_PRIVATE, &rdonly);

	touch_pages(map, page_size);
	SAFE_MPROTECT(map, page_size, PROT_READ | PROT_WRITE);
	fill_pattern(map, 0, page_size, 4);

	CHECK_PATTERN(object_contents(&obj, page_size), 0, page_size);
}
