/*
 * Copy-on-write holds through several generations of fork(): four
 * processes, each the child of the one before, share private anonymous
 * memory; each stores its own pattern into every page before it forks the
 * next, and again into its first page after the fork; then each must read
 * exactly its own stores, the deepest first, each process after its child
 * has exited.  A system that keeps one chain of shadow objects per
 * generation (the BSDs' VM) must look each page up in the right one and
 * collapse the chain when a process exits; one that shares the pages of a
 * middle generation with its child, or shows a process its ancestor's (or
 * its exited child's) copy after a collapse, fails here.
 */
#include "mmapcts.h"
#include "cow.h"

MMAPCTS_CASE(
	.assertion = "Through four generations of fork(), with stores before and "
		     "after each fork, every process reads its own last stores into "
		     "its private anonymous memory.",
	.spec      = "POSIX.1-2024 fork(): DESCRIPTION (MAP_PRIVATE: modifications "
		     "made by the parent after fork() returns shall be visible only "
		     "to the parent, those made by the child only to the child)",
	.profile   = "posix",
	.covers    = "E11",
);

enum { GENERATIONS = 4, NPAGES = 3 };

static unsigned char *map;
static struct sync links[GENERATIONS];	/* [g]: generation g and its child */

/* The seed generation g stores before its fork, and into page 0 after it. */
static unsigned before_fork(int g) { return 10 + 2 * (unsigned)g; }
static unsigned after_fork(int g) { return 11 + 2 * (unsigned)g; }

static void generation(void *arg)
{
	int g = (int)(intptr_t)arg;
	size_t len = NPAGES * page_size;
	pid_t pid = 0;

	if (g > 0) {	/* once the parent has stored after the fork */
		sync_wait(&links[g - 1]);
		CHECK_PATTERN_SEED(map, 0, len, before_fork(g - 1));
	}
	fill_pattern(map, 0, len, before_fork(g));
	if (g + 1 < GENERATIONS) {
		sync_init(&links[g]);
		pid = start_child(generation, (void *)(intptr_t)(g + 1));
	}
	fill_pattern(map, 0, page_size, after_fork(g));
	if (pid) {
		sync_post(&links[g]);
		wait_child(pid);
	}

	CHECK_PATTERN_SEED(map, 0, page_size, after_fork(g));
	CHECK_PATTERN_SEED(map + page_size, page_size, len - page_size, before_fork(g));
}

static void run(void)
{
	map = SAFE_MAP_PATTERN(NULL, NPAGES * page_size, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, NULL);
	generation((void *)0);
}
