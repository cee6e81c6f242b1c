/*
 * Copy-on-write holds for pages the kernel paged out: private anonymous
 * memory filled with a pattern is advised MADV_PAGEOUT (Linux 5.4: reclaim
 * it now, to swap where there is swap) before fork() and again by the
 * parent after it; the child must then read the pattern (the page comes
 * back intact), stores into every page and exits, and the parent must
 * still read the pattern.  Swap-in maps one swap copy into whichever
 * process faults first; a kernel that maps it writable there without
 * copying (or brings it back shared) lets the child's store reach the
 * parent and fails here.  Without swap MADV_PAGEOUT may keep anonymous
 * pages: whether the pages left memory is observed ("paged_out").
 */
#include "mmapcts.h"
#include "cow.h"

MMAPCTS_CASE(
	.assertion = "Private anonymous memory advised MADV_PAGEOUT before and after "
		     "fork() reads back intact in the child, and the child's stores do "
		     "not reach the parent.",
	.spec      = "Linux madvise(2): MADV_PAGEOUT (since Linux 5.4; reclaim the "
		     "pages: anonymous ones are swapped out); fork(2): DESCRIPTION",
	.profile   = "linux",
	.covers    = "E4",
	.needs     = "madvise mincore",
);

static struct sync go;
static size_t len;

static void page_out(unsigned char *map)
{
	ADVISE(map, len, MADV_PAGEOUT);
	OBSERVE("paged_out", "%s", resident_pages(map, len) < len / page_size ? "yes" : "no");
}

static void child(void *arg)
{
	unsigned char *map = arg;

	sync_wait(&go);
	CHECK_PATTERN_SEED(map, 0, len, BEFORE_FORK);
	fill_pattern(map, 0, len, STORED);
}

static void run(void)
{
	unsigned char *map;
	pid_t pid;

	len = 4 * page_size;
	map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, NULL);
	page_out(map);
	sync_init(&go);
	pid = start_child(child, map);
	page_out(map);
	sync_post(&go);
	wait_child(pid);

	CHECK_PATTERN_SEED(map, 0, len, BEFORE_FORK);
}
