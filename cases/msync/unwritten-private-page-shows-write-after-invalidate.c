/*
 * msync(MS_INVALIDATE) brings a MAP_PRIVATE mapping's unwritten pages up
 * to date with the object: after write() changes the object, the pages
 * the process never stored to must show the new bytes, also when another
 * page of the mapping holds a private store (whether that page keeps it
 * is recorded, as POSIX does not say).  Without msync() POSIX leaves it unspecified
 * whether a private mapping sees later changes to the object (recorded by
 * the private-file cases); MS_INVALIDATE is the call that makes later
 * references consistent with the object.  Both pages are read before the
 * write(), so a system with copies holds them already.  Fails under a
 * system whose private file mappings are copies made at mmap() and whose
 * MS_INVALIDATE does not fetch the object's bytes again.
 *
 * No shm variant: POSIX leaves write() to a shared memory object unspecified.
 */
#include "msync.h"

MMAPCTS_CASE(
	.assertion = "After write() to an object and msync(MS_SYNC|MS_INVALIDATE) of a "
		     "MAP_PRIVATE mapping of it, a page never stored to through the "
		     "mapping shows the written bytes.",
	.spec      = "POSIX.1-2024 msync(): DESCRIPTION, MS_INVALIDATE (\"subsequent "
		     "references shall obtain data that was consistent with the "
		     "permanent storage locations sometime between the call to "
		     "msync() and the first subsequent memory reference\")",
	.profile   = "posix",
	.covers    = "I8",
	.variants  = "file memfd",
);

static void run(void)
{
	size_t len = 2 * page_size;
	struct object obj = make_object(len);
	unsigned char *priv = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE,
					obj.fd, 0);
	unsigned char *data = scratch(page_size);
	unsigned char stored = (unsigned char)~pattern_byte(0);

	touch_pages(priv, len);
	priv[0] = stored;
	fill_pattern(data, page_size, page_size, 1);
	SAFE_PWRITE(obj.fd, data, page_size, (off_t)page_size);
	CHECK_OK(msync(priv, len, MS_SYNC | MS_INVALIDATE));

	CHECK_PATTERN_SEED(priv + page_size, page_size, page_size, 1);
	OBSERVE("private_store_kept_after_invalidate", "%s",
		priv[0] == stored ? "yes" : "no");
}
