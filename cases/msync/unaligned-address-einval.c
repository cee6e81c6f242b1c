/*
 * On Linux, msync() at an address that is not a multiple of the page size
 * fails with EINVAL, wherever in the page the address lies (one byte in,
 * half a page in, the last byte).  The range is otherwise valid: inside a
 * written MAP_SHARED file mapping and ending at its end.  POSIX only
 * allows this error ("may fail"); Linux documents it.  Fails under a
 * kernel or libc that rounds the address down to its page and syncs.
 */
#include "msync.h"

MMAPCTS_CASE(
	.assertion = "On Linux, msync() at an address that is not page-aligned fails "
		     "with EINVAL.",
	.spec      = "Linux msync(2): ERRORS, EINVAL (\"addr is not a multiple of "
		     "PAGESIZE\"); POSIX.1-2024 msync(): ERRORS, may fail: EINVAL",
	.profile   = "linux",
	.covers    = "I3",
);

static void run(void)
{
	size_t len = 2 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_SHARED, NULL);
	const size_t skews[] = { 1, page_size / 2, page_size - 1 };

	fill_pattern(map, 0, len, 1);

	for (size_t i = 0; i < sizeof(skews) / sizeof(skews[0]); i++) {
		if (msync(map + skews[i], len - skews[i], MS_SYNC) == 0)
			FAIL("msync() at byte %zu of a page succeeded, expected EINVAL",
			     skews[i]);
		if (errno != EINVAL)
			FAIL("msync() at byte %zu of a page failed with %s, expected "
			     "EINVAL", skews[i], errno_name(errno));
	}
}
