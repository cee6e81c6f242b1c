/*
 * MS_INVALIDATE makes a mapping fetch what another mapping wrote: stores
 * through one MAP_SHARED mapping, written out with msync(MS_SYNC), show
 * in a second MAP_SHARED mapping of the same object once msync() with
 * MS_INVALIDATE has been called on the second one.  The second mapping
 * is read before the stores, so a system that keeps a copy per mapping
 * holds a stale one, which MS_INVALIDATE must drop rather than write
 * back.  On Linux both mappings share the page cache and the stores show
 * at once.  Fails under a system whose shared mappings are copies and
 * whose MS_INVALIDATE neither fetches the object again nor leaves it
 * alone (writing the stale copy back over the stores).
 *
 * No shm variant: POSIX leaves msync() of a shared memory object unspecified.
 */
#include "msync.h"

MMAPCTS_CASE(
	.assertion = "After stores through one MAP_SHARED mapping and msync(MS_SYNC) "
		     "of it, msync(MS_SYNC|MS_INVALIDATE) of a second MAP_SHARED mapping "
		     "of the object makes the second show the stores.",
	.spec      = "POSIX.1-2024 msync(): DESCRIPTION, MS_INVALIDATE (\"subsequent "
		     "references shall obtain data that was consistent with the "
		     "permanent storage locations sometime between the call to "
		     "msync() and the first subsequent memory reference\")",
	.profile   = "posix",
	.covers_part = "I8",
	.variants  = "file memfd",
);

static void run(void)
{
	size_t len = 2 * page_size;
	struct object obj;
	unsigned char *writer = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
						 MAP_SHARED, &obj);
	unsigned char *reader = SAFE_MAP_OBJECT(NULL, len, PROT_READ | PROT_WRITE,
						MAP_SHARED, &obj, 0);

	touch_pages(reader, len);
	fill_pattern(writer, 0, len, 1);
	CHECK_OK(msync(writer, len, MS_SYNC));
	CHECK_OK(msync(reader, len, MS_SYNC | MS_INVALIDATE));

	CHECK_PATTERN_SEED(reader, 0, len, 1);
	CHECK_PATTERN_SEED(object_contents(&obj, len), 0, len, 1);
}
