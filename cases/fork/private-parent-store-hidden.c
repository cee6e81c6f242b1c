/*
 * After fork(), the parent's stores to MAP_PRIVATE anonymous memory are
 * not seen by the child.  Both processes must first refer to the same
 * populated pages: the parent fills them before the fork and the child
 * reads every page once, then tells the parent; only then does the parent
 * overwrite every page and tell the child, which must still read the
 * bytes from before the fork.  A kernel that resolves the parent's
 * write fault by making the shared page writable in place (reusing it as
 * if the parent were its only user) fails.
 */
#include "mmapcts.h"

MMAPCTS_CASE(
	.assertion = "A store by the parent to MAP_PRIVATE|MAP_ANONYMOUS memory "
		     "after fork() is not seen by the child.",
	.spec      = "POSIX.1-2024 fork(): DESCRIPTION (modifications to the data "
		     "in MAP_PRIVATE mappings made by the parent after fork() "
		     "returns shall be visible only to the parent)",
	.profile   = "posix",
);

static struct sync s;
static unsigned char *p;
static size_t len;

static void child(void *arg)
{
	/* Read every page, so the child maps the pages the parent holds. */
	for (size_t off = 0; off < len; off += page_size)
		(void)((volatile unsigned char *)p)[off];
	sync_post(&s);
	sync_wait(&s);

	CHECK_PATTERN_SEED(p, 0, len, 1);
}

static void run(void)
{
	pid_t pid;

	len = 4 * page_size;
	p = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	fill_pattern(p, 0, len, 1);

	sync_init(&s);
	pid = start_child(child, NULL);
	sync_wait(&s);
	fill_pattern(p, 0, len, 2);
	sync_post(&s);

	wait_child(pid);
}
