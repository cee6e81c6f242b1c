/*
 * An object whose name is removed and whose last descriptor is closed
 * stays mapped, writable and shared while MAP_SHARED mappings of it
 * remain: a store through one mapping shows through the other.  Both
 * mappings are made and read while the object still has its name and
 * descriptor; then unlink() (shm_unlink() for shm) and close() leave the
 * mappings as its only references.  Fails under a kernel that frees or
 * detaches the object at the last unlink and close (stores fault, or
 * land in pages the other mapping does not see).
 *
 * No memfd variant: a memfd has no name to remove.
 */
#include "shared-file.h"

MMAPCTS_CASE(
	.assertion = "After the object is unlinked and its descriptor closed, a "
		     "store through one MAP_SHARED mapping of it is visible through "
		     "another.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (the extra reference \"not "
		     "removed by a subsequent close()\"), MAP_SHARED; unlink(), "
		     "shm_unlink(): DESCRIPTION (removal postponed while references "
		     "remain)",
	.profile   = "posix",
	.variants  = "file shm",
);

static void run(void)
{
	size_t len = 2 * page_size;
	struct object obj;
	unsigned char *a = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED,
					    &obj);
	unsigned char *b = SAFE_MMAP(NULL, len, PROT_READ, MAP_SHARED, obj.fd, 0);

	touch_pages(a, len);
	touch_pages(b, len);
	unlink_object(&obj);
	SAFE_CLOSE(obj.fd);

	CHECK_WRITE_OK(a, 0x5a);
	fill_pattern(a, 0, len, 1);
	CHECK_PATTERN_SEED(b, 0, len, 1);
}
