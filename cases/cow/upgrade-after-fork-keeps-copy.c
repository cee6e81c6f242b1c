/*
 * Copy-on-write survives a protection round trip: private anonymous
 * memory is made read-only before fork(), and after it one process (the
 * variant: parent or child) takes it read-only again, gives write access
 * back with mprotect() and stores into every page; the other process must
 * still read the bytes from before the fork.  mprotect(PROT_WRITE) is a
 * shortcut in Linux: where the page looks exclusive it is made writable in
 * place instead of waiting for a write fault to copy it.  A kernel that
 * judges a page shared by fork() exclusive (or never marked pages of a
 * read-only mapping copy-on-write at the fork, since nothing could write
 * them) lets the store reach the other process and fails here.
 */
#include "mmapcts.h"
#include "cow.h"

MMAPCTS_CASE(
	.assertion = "Private anonymous memory shared by fork() stays copy-on-write "
		     "when a process takes it read-only and then writable again with "
		     "mprotect() and stores into it: the other process keeps its bytes.",
	.spec      = "Linux fork(2): DESCRIPTION (memory writes performed by one of "
		     "the processes do not affect the other); mprotect(2)",
	.profile   = "linux",
	.covers    = "E4",
	.variants  = "parent child",
);

static void upgrade_and_store(unsigned char *map, size_t len)
{
	SAFE_MPROTECT(map, len, PROT_READ);
	SAFE_MPROTECT(map, len, PROT_READ | PROT_WRITE);
	store_pattern(map, len);
}

static void run(void)
{
	size_t len = 4 * page_size;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, len, PROT_READ,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	act_across_fork(map, len, variant_proc(), upgrade_and_store,
			other_proc(variant_proc()));

	CHECK_PATTERN_SEED(map, 0, len, BEFORE_FORK);
}
