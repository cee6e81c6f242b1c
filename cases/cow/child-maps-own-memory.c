/*
 * mmap() works in a child of fork(), and the mapping is the child's own:
 * the child maps new memory (anonymous, or a file the parent made before
 * the fork: the variant), stores a pattern into it, reads it back and
 * tells the parent where it is; the parent, which made no mapping since
 * the fork, must find nothing there once the child has exited (with its
 * mapping still in place: an address space shared with the child would
 * keep it); the child also unmaps one page of it and must find it gone.
 * Every step is asserted (no setup macro), so a system whose forked
 * children cannot map (a limit or an accounting charged
 * twice, an address space the child shares with its parent) fails here
 * rather than leaving the fork cases UNRESOLVED.
 */
#include "mmapcts.h"
#include "cow.h"

MMAPCTS_CASE(
	.assertion = "A child of fork() can map anonymous memory and a file, store "
		     "into the mapping, read its stores back and unmap it, and the "
		     "parent sees nothing at the child's address.",
	.spec      = "POSIX.1-2024 fork(): DESCRIPTION; mmap(); munmap()",
	.profile   = "posix",
	.covers    = "E9",
	.variants  = "anon file",
);

static size_t len;
static int fd = -1;

static void child(void *arg)
{
	unsigned char **where = arg;
	int flags = fd < 0 ? MAP_PRIVATE | MAP_ANONYMOUS : MAP_SHARED;
	unsigned char *map = CHECK_MAP_OK(mmap(NULL, len, PROT_READ | PROT_WRITE, flags,
					       fd, 0));

	fill_pattern(map, 0, len, STORED);
	CHECK_PATTERN_SEED(map, 0, len, STORED);
	CHECK_OK(munmap(map + len - page_size, page_size));
	CHECK_UNMAPPED(map + len - page_size, page_size);
	*where = map;	/* the rest stays mapped until the child exits */
}

static void run(void)
{
	unsigned char **where = SAFE_MAP_ANON(NULL, page_size, PROT_READ | PROT_WRITE,
					      MAP_SHARED);

	len = 3 * page_size;
	if (variant_is("file"))
		fd = make_file("object", len);
	run_in_child(child, where);

	CHECK_UNMAPPED(*where, len);
}
