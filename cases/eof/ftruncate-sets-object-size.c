/*
 * ftruncate() sets the size of a file, a shm object or a memfd to the
 * length it is given, growing or shrinking it: fstat() then reports that
 * size.  Cases that map an object lean on this in their setup
 * (make_object(), the end-of-file cases) and end UNRESOLVED when it
 * breaks; this case is where a broken ftruncate() is a FAIL.  The object
 * starts empty (a new shm object has size zero: no ftruncate() before the
 * check), grows to three pages and a byte and shrinks to one byte.  An
 * ftruncate() that fails, does nothing or rounds the length to pages
 * fails.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "ftruncate() of a file, shm or memfd object sets its size "
		     "to the length given, growing or shrinking it.",
	.spec      = "POSIX.1-2024 ftruncate(): DESCRIPTION (regular file, "
		     "shared memory object)",
	.profile   = "posix",
	.covers    = "D12",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj = make_object(0);
	off_t grown = (off_t)(3 * page_size + 1);
	struct stat st;

	CHECK_OK(ftruncate(obj.fd, grown));
	SAFE_FSTAT(obj.fd, &st);
	CHECK_EQ(st.st_size, grown);

	CHECK_OK(ftruncate(obj.fd, 1));
	SAFE_FSTAT(obj.fd, &st);
	CHECK_EQ(st.st_size, 1);
}
