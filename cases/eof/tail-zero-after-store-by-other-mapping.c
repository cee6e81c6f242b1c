/*
 * The partial last page is zero-filled past end-of-file in every new
 * mapping, whatever an earlier mapping stored there: bytes stored to the
 * tail through a MAP_SHARED mapping that has since been unmapped are not
 * seen by a fresh MAP_PRIVATE mapping of the object.  (Had they been
 * object data, they would be; they are not, and the tail "shall always"
 * be zero-filled.)  The store is not followed by msync(), which POSIX
 * does not make a condition of the rule.
 *
 * Fails under a kernel that keeps the stored tail in the cached page and
 * maps that page as it is.  Linux does, on every backing here: Linux
 * mmap(2), BUGS, says so ("the data stays in the page cache even after
 * the file is closed and unmapped ... subsequent mappings may see the
 * modified content"; msync() before munmap() avoids it on some
 * filesystems, never on tmpfs).  All three variants FAIL here (Linux
 * 6.18); with an msync(MS_SYNC) before the munmap the file variant
 * (ext4) would pass, and it may pass when memory pressure reclaims the
 * page between the two mappings.
 */
#include "eof.h"

MMAPCTS_CASE(
	.assertion = "A new mapping of an object reads zero in the last partial "
		     "page past end-of-file, although an earlier, unmapped "
		     "MAP_SHARED mapping stored data there.",
	.spec      = "POSIX.1-2024 mmap(): DESCRIPTION (\"The system shall always "
		     "zero-fill any partial page at the end of an object\")",
	.profile   = "posix",
	.covers    = "D2 D3",
	.variants  = "file shm memfd",
);

static void run(void)
{
	struct object obj;
	unsigned char *map = shared_tail_stored(&obj);

	SAFE_MUNMAP(map, 2 * page_size);
	map = SAFE_MMAP(NULL, 2 * page_size, PROT_READ, MAP_PRIVATE, obj.fd, 0);

	CHECK_ZERO(map + eof_size(), eof_tail());
}
