/*
 * A mapping inherited through fork() and a new mapping the child places
 * right beside it stay what they are: the child maps one page of private
 * anonymous memory with the same protection directly after two inherited
 * pages; /proc/self/maps must show the three pages mapped read-write and
 * private with no gap, the inherited pages must still hold the pattern
 * and the new one zeros (then the child's stores), unmapping the new page
 * must leave the inherited ones intact, and the parent must still find
 * its fence page there.  Whether the kernel merged the two into one entry
 * is observed ("merged_in_child"), not asserted: no man page promises
 * either (Linux keeps them apart, because the inherited area's
 * copy-on-write chain holds the parent's anon_vma too, but that is a
 * kernel detail).  A kernel that merges them wrongly (gives the new page
 * the inherited pages' data, or drops an inherited page with the new one)
 * fails here.
 */
#include "mmapcts.h"
#include "cow.h"

MMAPCTS_CASE(
	.assertion = "A new private mapping a fork() child places beside inherited "
		     "private memory leaves the inherited pages' contents and "
		     "mapping alone, in the child and in the parent.",
	.spec      = "Linux proc_pid_maps(5); fork(2): DESCRIPTION; mmap(2): "
		     "MAP_FIXED",
	.profile   = "linux",
	.covers_part = "E10",
);

/* Pages from the reservation: 0 and 4 fences, 1-2 inherited, 3 new. */
static unsigned char *res;

#define PAGE(n) (res + (n) * page_size)

/* Entries overlapping [lo, hi): every one rw-p, no gap; their number. */
static int rw_private_entries(const unsigned char *lo, const unsigned char *hi)
{
	struct maps_iter it;
	struct maps_entry e;
	uintptr_t next = (uintptr_t)lo;
	int n = 0;

	if (maps_open(&it) < 0)
		UNTESTED("no /proc/self/maps: the layout cannot be observed");
	while (maps_next(&it, &e)) {
		if (e.end <= (uintptr_t)lo || e.start >= (uintptr_t)hi)
			continue;
		CHECK(e.start <= next);
		CHECK(!strcmp(e.perms, "rw-p"));
		next = e.end;
		n++;
	}
	maps_close(&it);
	CHECK(next >= (uintptr_t)hi);
	return n;
}

static void child(void *arg)
{
	unsigned char *fresh;

	(void)arg;
	fresh = SAFE_MMAP(PAGE(3), page_size, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	CHECK_ZERO(fresh, page_size);
	fill_pattern(fresh, 0, page_size, STORED);

	OBSERVE("merged_in_child", "%s",
		rw_private_entries(PAGE(1), PAGE(4)) == 1 ? "yes" : "no");
	CHECK_PATTERN_SEED(PAGE(1), 0, 2 * page_size, BEFORE_FORK);
	CHECK_PATTERN_SEED(fresh, 0, page_size, STORED);

	SAFE_MUNMAP(fresh, page_size);
	CHECK_UNMAPPED(fresh, page_size);
	CHECK_PATTERN_SEED(PAGE(1), 0, 2 * page_size, BEFORE_FORK);
}

static void run(void)
{
	res = reserve(5 * page_size);
	SAFE_MAP_PATTERN(PAGE(1), 2 * page_size, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, NULL);
	touch_pages(PAGE(1), 2 * page_size);

	run_in_child(child, NULL);

	CHECK_PATTERN_SEED(PAGE(1), 0, 2 * page_size, BEFORE_FORK);
	CHECK_READ_FAULTS(PAGE(3), SIGSEGV, SEGV_ACCERR);
}
