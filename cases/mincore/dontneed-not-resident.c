/*
 * After madvise(MADV_DONTNEED), private anonymous pages are no longer
 * resident: Linux frees them, and mincore() says so until they are touched
 * again.  Eight pages are stored to (all resident: the case checks), then
 * advised.  A kernel that takes MADV_DONTNEED as a hint and keeps the
 * pages fails with the count of resident pages - the memory an allocator
 * meant to give back is still held.
 */
#include "mincore.h"

MMAPCTS_CASE(
	.assertion = "On Linux, after madvise(MADV_DONTNEED) mincore() reports no "
		     "page of stored-to private anonymous memory resident.",
	.spec      = "Linux madvise(2): MADV_DONTNEED (the pages are freed; "
		     "anonymous private memory is zero-filled on demand on the next "
		     "access); mincore(2)",
	.profile   = "linux",
	.covers    = "M16",
	.needs     = "mincore madvise MADV_DONTNEED",
);

static void run(void)
{
	size_t npages = 8, len = npages * page_size;
	unsigned char *p = stored_pages(npages);

	CHECK_EQ(resident_pages(p, len), npages);
	CHECK_OK(madvise(p, len, MADV_DONTNEED));

	CHECK_EQ(resident_pages(p, len), 0);
}
