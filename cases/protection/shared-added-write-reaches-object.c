/*
 * mprotect() can give write access to a MAP_SHARED mapping that was made
 * read-only, when the descriptor was opened for writing, and the stores
 * made then reach the object like any shared store.
 *
 * The mapping is created PROT_READ through the object's read-write
 * descriptor and read first, so its page is present and mapped
 * read-only; then mprotect() adds PROT_WRITE and the page is rewritten.
 * A kernel that refused the upgrade (checking the mapping's original
 * protection instead of the descriptor), or that turned the upgraded
 * shared page into a private copy, fails: the object, read through its
 * own interface, must show the new bytes.
 */
#include "protection.h"

MMAPCTS_CASE(
	.assertion = "mprotect() adding PROT_WRITE to a PROT_READ MAP_SHARED "
		     "mapping of a descriptor open for writing succeeds, and stores "
		     "through it reach the object.",
	.spec      = "POSIX.1-2024 mprotect(): DESCRIPTION (PROT_WRITE needs the "
		     "object opened with write permission); mmap(): DESCRIPTION, "
		     "MAP_SHARED (\"Write references shall change the underlying "
		     "object\")",
	.profile   = "posix",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(page_size);
	unsigned char *map = SAFE_MMAP(NULL, page_size, PROT_READ, MAP_SHARED, obj.fd, 0);

	touch_pages(map, page_size);

	CHECK_OK(mprotect(map, page_size, PROT_READ | PROT_WRITE));
	CHECK_WRITE_OK(map, pattern_byte_seed(0, 2));
	fill_pattern(map, 0, page_size, 2);

	CHECK_PATTERN_SEED(object_contents(&obj, page_size), 0, page_size, 2);
}
