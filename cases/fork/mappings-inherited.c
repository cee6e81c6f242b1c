/*
 * A child made by fork() has every mapping of its parent, at the same
 * address and with the same contents.  The parent makes one mapping of
 * each kind fork treats differently - private and shared, anonymous and
 * file - and fills each with its own pattern before the fork (through the
 * private file mapping too, so the child must get the parent's modified
 * copy, not the file).  The child reads every byte through the parent's
 * pointers, probing first so that a missing mapping is reported as such
 * rather than as a crash.  A fork that drops a kind of mapping, places it
 * elsewhere or gives the child fresh memory or the file's original bytes
 * fails, naming the mapping.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "After fork() the child has each of the parent's mappings at "
		     "the same address with the same contents.",
	.spec      = "POSIX.1-2024 fork(): DESCRIPTION (memory mappings created in "
		     "the parent shall be retained in the child process; the "
		     "parent's modifications of MAP_PRIVATE data before fork() are "
		     "visible to the child)",
	.profile   = "posix",
	.covers_part = "E1",
);

static struct {
	unsigned char *private_anon, *shared_anon, *private_file, *shared_file;
} m;
static size_t len;

static void child(void *arg)
{
	CHECK_READ_OK(m.private_anon);
	CHECK_PATTERN_SEED(m.private_anon, 0, len, 1);
	CHECK_READ_OK(m.shared_anon);
	CHECK_PATTERN_SEED(m.shared_anon, 0, len, 2);
	CHECK_READ_OK(m.private_file);
	CHECK_PATTERN_SEED(m.private_file, 0, len, 3);
	CHECK_READ_OK(m.shared_file);
	CHECK_PATTERN_SEED(m.shared_file, 0, len, 4);
}

static void run(void)
{
	int prot = PROT_READ | PROT_WRITE;
	int fd;

	len = 2 * page_size;
	fd = make_file("data", 2 * len);
	m.private_anon = SAFE_MMAP(NULL, len, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	m.shared_anon = SAFE_MMAP(NULL, len, prot, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	m.private_file = SAFE_MMAP(NULL, len, prot, MAP_PRIVATE, fd, 0);
	m.shared_file = SAFE_MMAP(NULL, len, prot, MAP_SHARED, fd, (off_t)len);
	fill_pattern(m.private_anon, 0, len, 1);
	fill_pattern(m.shared_anon, 0, len, 2);
	fill_pattern(m.private_file, 0, len, 3);
	fill_pattern(m.shared_file, 0, len, 4);

	run_in_child(child, NULL);
}
