/*
 * A page loaned to a pipe with vmsplice() by a forked child is a snapshot
 * the later stores of neither process reach: the child vmsplice()s a page
 * of private anonymous memory it shares copy-on-write with its parent,
 * stores into the page and exits; the parent must still read its bytes
 * from before the fork, stores into its page, and only then reads the
 * pipe, which must deliver the bytes as they were at the vmsplice().
 * This is CVE-2020-29374 ("COW vs GUP"): before Linux 5.7.3 (commit
 * 17839856fd58) the child's read-only pin did not break copy-on-write,
 * the parent's write fault found the page mapped only once and reused
 * it, and the pipe (the child) read the parent's later data.  Since 5.9 a
 * write fault copies any anonymous page with references besides the
 * mapping's own, and since 5.19 the anon-exclusive rules keep that.  A
 * kernel that shares the page, or reuses it for the parent's store,
 * fails here.
 */
#include "mmapcts.h"
#include "cow.h"

MMAPCTS_CASE(
	.assertion = "After a forked child vmsplice()s a page it shares copy-on-write "
		     "with its parent into a pipe, neither the child's later store "
		     "reaches the parent nor the parent's later store reaches the pipe.",
	.spec      = "Linux fork(2): DESCRIPTION (memory writes performed by one of "
		     "the processes do not affect the other); vmsplice(2) "
		     "(the pipe holds the pages; CVE-2020-29374, fixed in 5.7.3)",
	.profile   = "linux",
	.covers    = "E4",
);

static int fds[2];

static void loan_store_exit(void *arg)
{
	unsigned char *map = arg;

	CHECK_EQ(vmsplice_pages(fds[1], map, page_size), (ssize_t)page_size);
	fill_pattern(map, 0, page_size, STORED);
}

static void run(void)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, page_size, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);
	unsigned char *piped = scratch(page_size);

	SAFE_PIPE(fds);
	run_in_child(loan_store_exit, map);
	SAFE_CLOSE(fds[1]);
	CHECK_PATTERN_SEED(map, 0, page_size, BEFORE_FORK);

	fill_pattern(map, 0, page_size, STORED + 1);
	SAFE_READ(fds[0], piped, page_size);

	CHECK_PATTERN_SEED(piped, 0, page_size, BEFORE_FORK);
}
