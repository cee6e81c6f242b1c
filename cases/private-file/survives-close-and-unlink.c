/*
 * A mapping keeps its own reference to the file: after close() of the
 * descriptor and unlink() of the last name, the mapping still shows the
 * file's bytes.  The pages are not touched before close() and unlink(),
 * so every one of them must still be reachable through the mapping's
 * reference, not through a page already in the page tables.  Fails under
 * a kernel whose mapping borrows the descriptor's reference: the file is
 * freed and the loads fault (SIGBUS) or show zeros.
 *
 * File only: unlink() is the file's way of losing its name.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "A MAP_PRIVATE file mapping still shows the file's bytes "
		     "after the descriptor is closed and the file unlinked.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (mmap() adds \"an extra "
		     "reference to the file ... which is not removed by a subsequent "
		     "close()\")",
	.profile   = "posix",
);

static void run(void)
{
	size_t len = 2 * page_size;
	struct object obj = make_object(len);
	unsigned char *map = SAFE_MMAP(NULL, len, PROT_READ, MAP_PRIVATE, obj.fd, 0);

	SAFE_CLOSE(obj.fd);
	SAFE_UNLINK(obj.path);

	CHECK_READ_OK(map);
	CHECK_READ_OK(map + page_size);
	CHECK_PATTERN(map, 0, len);
}
