/*
 * read() into private memory that fork() left shared copy-on-write writes
 * the calling process's copy only: both processes hold the pattern in a
 * private anonymous buffer (every page read in both, so they refer to the
 * same pages); one of them (the variant) read()s a file holding another
 * pattern into its buffer, and the other must still read the bytes from
 * before the fork.  The kernel's copy to user memory takes a write fault
 * like a store does; a kernel that writes into the shared page instead
 * (a copy-out that skips the copy-on-write check) fails here.
 */
#include "mmapcts.h"
#include "cow.h"

MMAPCTS_CASE(
	.assertion = "After fork(), read() into a private buffer both processes "
		     "share copy-on-write changes the caller's buffer only.",
	.spec      = "POSIX.1-2024 fork(): DESCRIPTION (MAP_PRIVATE: modifications "
		     "after fork() shall be visible only to the process that made "
		     "them); read(): DESCRIPTION",
	.profile   = "posix",
	.covers    = "E5",
	.variants  = "parent child",
);

static int fd;

static void read_file_into(unsigned char *map, size_t len)
{
	ssize_t n = read(fd, map, len);

	CHECK_EQ(n, (ssize_t)len);
	CHECK_PATTERN_SEED(map, 0, len, STORED);
}

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);
	unsigned char *data = scratch(len);

	fd = make_file("data", len);
	fill_pattern(data, 0, len, STORED);
	SAFE_PWRITE(fd, data, len, 0);

	act_across_fork(map, len, variant_proc(), read_file_into, other_proc(variant_proc()));

	CHECK_PATTERN_SEED(map, 0, len, BEFORE_FORK);
}
