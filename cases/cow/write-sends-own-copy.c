/*
 * write() from private memory that fork() left shared copy-on-write sends
 * the calling process's bytes: both processes hold the pattern in a private
 * anonymous buffer (every page read in both); the other process (the one
 * the variant does not name) overwrites its buffer, and then the caller
 * write()s its buffer to a file, which must hold the bytes from before the
 * fork.  The kernel's copy from user memory must go through the caller's
 * own page tables; a kernel that reads the other process's copy (a stale
 * translation after the copy-on-write break) fails here.
 */
#include "mmapcts.h"
#include "cow.h"

MMAPCTS_CASE(
	.assertion = "After fork(), write() from a private buffer both processes "
		     "shared copy-on-write sends the caller's bytes, not the other "
		     "process's later stores.",
	.spec      = "POSIX.1-2024 fork(): DESCRIPTION (MAP_PRIVATE: modifications "
		     "after fork() shall be visible only to the process that made "
		     "them); write(): DESCRIPTION",
	.profile   = "posix",
	.covers    = "E5",
	.variants  = "parent child",
);

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);
	unsigned char *sent = scratch(len);
	int fd;

	store_across_fork(map, len, other_proc(variant_proc()), variant_proc());

	fd = SAFE_OPEN("sent", O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK_EQ(write(fd, map, len), (ssize_t)len);

	SAFE_PREAD(fd, sent, len, 0);

	CHECK_PATTERN_SEED(sent, 0, len, BEFORE_FORK);
}
