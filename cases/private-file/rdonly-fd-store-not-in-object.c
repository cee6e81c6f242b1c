/*
 * A writable MAP_PRIVATE mapping of a descriptor open for reading only
 * takes stores without passing them to the object: a shared mapping of
 * the object still shows its own bytes.  Allowing PROT_WRITE here is
 * only safe because the stores stay private; an implementation that
 * accepted the mapping and then wrote through to the object would let a
 * process change a file it may only read.  Fails under such a kernel
 * (a writable page-cache page mapped into a private mapping).
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "Stores through a PROT_WRITE MAP_PRIVATE mapping of a "
		     "read-only descriptor do not change the object.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (write permission is needed "
		     "for PROT_WRITE \"unless MAP_PRIVATE is specified\"), "
		     "MAP_PRIVATE (modifications \"shall not change the underlying "
		     "object\")",
	.profile   = "posix",
	.covers    = "B3",
	.covers_part = "B4",
	.variants  = "file shm memfd",
);

static void run(void)
{
	size_t len = 2 * page_size;
	struct object obj = make_object(len);
	int fd = reopen_object(&obj, O_RDONLY);
	unsigned char *priv = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE,
					fd, 0);
	unsigned char *object = SAFE_MMAP(NULL, len, PROT_READ, MAP_SHARED, fd, 0);

	touch_pages(object, len);
	fill_pattern(priv, 0, len, 1);

	CHECK_PATTERN(object, 0, len);
}
