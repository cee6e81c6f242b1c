/*
 * A file unlinked while it is mapped MAP_SHARED stays mapped and
 * writable, and stores through the mapping still change the file: a
 * descriptor kept open on the file reads them back after msync(MS_SYNC).
 * The pages are not touched before unlink(), so each store must reach the
 * file's page through the mapping's reference to the nameless file.
 * Fails under a kernel that turns the mapping of an unlinked file into
 * anonymous memory, or loses its stores (write-back to a file being
 * deleted skipped before the last reference goes).
 *
 * File only: the rule is about unlink(); read() of shm is unspecified.
 */
#include "shared-file.h"

MMAPCTS_CASE(
	.assertion = "After unlink() of a file mapped MAP_SHARED, stores through "
		     "the mapping still reach the file, as read() shows after "
		     "msync(MS_SYNC).",
	.spec      = "POSIX.1-2024 unlink(): DESCRIPTION (removal of the file's "
		     "contents is postponed while it is open); mmap(): MAP_SHARED "
		     "(write references change the underlying object, here a file "
		     "without a name)",
	.profile   = "posix",
	.covers_part = "C1",
);

static void run(void)
{
	size_t len = 2 * page_size;
	struct object obj;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_SHARED, &obj);
	unsigned char *file;

	unlink_object(&obj);
	fill_pattern(map, 0, len, 1);
	SAFE_MSYNC(map, len, MS_SYNC);
	file = read_object(&obj, 0, len);

	CHECK_PATTERN_SEED(file, 0, len, 1);
}
