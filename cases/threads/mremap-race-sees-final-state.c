/*
 * One thread moves a mapping away with mremap() and back again while
 * another reads the old address, and the reader sees only states the moves
 * went through: the page where it is, a hole (SIGSEGV, SEGV_MAPERR) where
 * it has gone, never the page at an address it has left; once the mover is
 * done (the page moved away), the old address is a hole and the new one
 * holds the page.  The mover makes 200 round trips of a file page between
 * two addresses with MREMAP_MAYMOVE|MREMAP_FIXED, counting its completed
 * moves and waiting after each for one read; the case's own thread probes
 * the first address without pause (threads.h: race_reads()).  A kernel
 * that leaves a stale translation in another thread (the old page table
 * entry not flushed from its TLB after the move) fails here.  About 40 ms
 * on a busy machine.
 */
#include "mmapcts.h"
#include "threads.h"

MMAPCTS_CASE(
	.assertion = "While one thread moves a page away with mremap() and back and "
		     "another reads its first address, each read sees the page or a "
		     "hole as the moves left it, and the final state once they are done.",
	.spec      = "Linux mremap(2): MREMAP_MAYMOVE, MREMAP_FIXED (since 2.3.31)",
	.profile   = "linux",
	.covers    = "G10",
	.needs     = "mremap MREMAP_FIXED",
);

enum { ROUNDS = 200 };

static unsigned char *home, *away;
static struct stepper mover;

/* The odd steps move the page away, the even ones bring it home. */
static void step(unsigned long n)
{
	unsigned char *from = n % 2 ? home : away, *to = n % 2 ? away : home;

	step_call(&mover, mremap(from, page_size, page_size, MREMAP_MAYMOVE | MREMAP_FIXED,
				 to) != to, "mremap(MREMAP_FIXED)");
}

/* What a read of home finds after step s. */
static struct fault state(unsigned long s)
{
	struct fault f = { 0, 0, NULL, pattern_byte(0) };

	if (s % 2) {
		f.sig = SIGSEGV;
		f.code = SEGV_MAPERR;
	}
	return f;
}

static void run(void)
{
	int fd = make_file("page", page_size);

	home = reserve(page_size);
	away = reserve(page_size);
	SAFE_MMAP(home, page_size, PROT_READ, MAP_SHARED | MAP_FIXED, fd, 0);
	mover.step = step;
	mover.steps = 2 * ROUNDS + 1;
	stepper_start(&mover);

	race_reads(&mover, home, state, NULL);
	stepper_join(&mover);

	CHECK_UNMAPPED(home, page_size);
	CHECK_PATTERN(away, 0, page_size);
}
