/*
 * A writable MAP_PRIVATE mapping keeps working after close() of its
 * descriptor and removal of the object's name (unlink() of a file,
 * shm_unlink() of a shm object; a memfd has none): a store to a page never
 * touched before still copies it from the object, so the stored byte
 * reads back and the rest of the page shows the object's bytes.  The
 * copy-on-write needs the object's page at the time of the store, after
 * the object has lost its last name and descriptor.  Fails under a kernel
 * whose copy-on-write fault cannot reach the object through the mapping's
 * own reference (SIGBUS, or a zero-filled copy).
 */
#include "private-file.h"

MMAPCTS_CASE(
	.assertion = "After close() of the descriptor and removal of the object's "
		     "name, a store to an untouched page of a MAP_PRIVATE mapping "
		     "reads back, and the rest of the page shows the object's bytes.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (the extra reference \"not "
		     "removed by a subsequent close()\"), MAP_PRIVATE; unlink(), "
		     "shm_unlink(): DESCRIPTION (the object stays while it is "
		     "referenced)",
	.profile   = "posix",
	.covers_part = "C7",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(page_size);
	unsigned char *map = SAFE_MMAP(NULL, page_size, PROT_READ | PROT_WRITE,
				       MAP_PRIVATE, obj.fd, 0);
	unsigned char stored = (unsigned char)~pattern_byte(0);

	SAFE_CLOSE(obj.fd);
	unlink_object(&obj);

	CHECK_WRITE_OK(map, stored);
	CHECK_EQ(map[0], stored);
	CHECK_PATTERN(map + 1, 1, page_size - 1);
}
