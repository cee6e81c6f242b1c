/*
 * A page that ftruncate() added to a mapped object is writable through an
 * existing MAP_SHARED mapping, and the store reaches the object: after
 * msync(MS_SYNC), read() returns it at the page's offset.  The object is
 * one page, the mapping two; the second page is not referenced before the
 * grow.  POSIX leaves references to added portions unspecified; Linux
 * treats the page like any other page of the file, hence the linux
 * profile.  Fails under a kernel that raises SIGBUS for the new page, or
 * gives the store a private page that never reaches the object.
 *
 * No shm variant: POSIX leaves read() of a shared memory object unspecified.
 */
#include "eof.h"

MMAPCTS_CASE(
	.assertion = "After ftruncate() grows a mapped object, a store through an "
		     "existing MAP_SHARED mapping to a new page reaches the object.",
	.spec      = "Linux mmap(2): MAP_SHARED (updates carried through to the "
		     "file), SIGBUS (only beyond the current end)",
	.profile   = "linux",
	.covers_part = "D7",
	.variants  = "file memfd",
);

static void run(void)
{
	struct object obj = make_object(page_size);
	unsigned char *map = SAFE_MMAP(NULL, 2 * page_size, PROT_READ | PROT_WRITE,
				       MAP_SHARED, obj.fd, 0);

	SAFE_FTRUNCATE(obj.fd, (off_t)(2 * page_size));
	CHECK_WRITE_OK(map + page_size, 1);
	fill_pattern(map + page_size, page_size, page_size, 1);
	SAFE_MSYNC(map, 2 * page_size, MS_SYNC);

	CHECK_PATTERN_SEED(read_object(&obj, (off_t)page_size, page_size), page_size,
			   page_size, 1);
}
