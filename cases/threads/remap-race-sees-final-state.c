/*
 * One thread changes a mapping again and again while another reads it, and
 * the reader sees only states the changes went through, never an older
 * one; once the changer is done, the reader sees the final state.  The
 * changer (the variant) replaces a page with MAP_FIXED mappings of the
 * file's pages in turn ("fixed"), unmaps it and maps the next file page
 * there ("munmap"), or takes read access away and gives it back
 * ("mprotect"), 200 times, counting its completed steps and waiting
 * after each for one read of the new state; the case's own thread probes
 * the page without pause and checks each read against the states between
 * the last step completed before it and the one after (the state of that
 * last step alone, for the read the changer waits for): the right page's
 * bytes, SIGSEGV with SEGV_MAPERR where the page is
 * unmapped (or between the removal and the new mapping of a MAP_FIXED
 * replacement, which POSIX describes as an unmap then a map: observed as
 * "hole_during_fixed_replacement"), SEGV_ACCERR where it has no access.
 * Then the final state: the last file page, a hole, or no access.  A
 * system that leaves a stale translation in another thread (a TLB
 * shootdown skipped: the old page still readable after munmap(),
 * mprotect() or the replacement returned) fails here; so does one that
 * crashes or shows a page it never mapped.  200 rounds, each with one
 * pipe round trip between the threads: about 40 ms on a busy machine.
 */
#include "mmapcts.h"
#include "threads.h"

MMAPCTS_CASE(
	.assertion = "While one thread replaces, unmaps or protects a page and "
		     "another reads it, each read sees a state the changes went "
		     "through after the last one completed before it, and the final "
		     "state once they are done.",
	.spec      = "POSIX.1-2024 mmap(): MAP_FIXED; munmap(); mprotect(); "
		     "XBD Memory Synchronization",
	.profile   = "posix",
	.covers    = "G10",
	.variants  = "fixed munmap mprotect",
);

enum { ROUNDS = 200, NPAGES = 4 };

static int fd;
static unsigned char *target;
static struct stepper changer;

static void map_file_page(unsigned long k)
{
	step_call(&changer, mmap(target, page_size, PROT_READ, MAP_SHARED | MAP_FIXED, fd,
				 (off_t)((k % NPAGES) * page_size)) != target,
		  "mmap(MAP_FIXED)");
}

/* fixed: step n maps file page n; munmap: the odd steps unmap, the even
 * steps map the next file page; mprotect: the odd steps take access
 * away, the even ones give it back. */
static void step(unsigned long n)
{
	if (variant_is("fixed"))
		map_file_page(n);
	else if (variant_is("munmap") && n % 2)
		step_call(&changer, munmap(target, page_size) < 0, "munmap()");
	else if (variant_is("munmap"))
		map_file_page(n / 2);
	else if (n % 2)
		step_call(&changer, mprotect(target, page_size, PROT_NONE) < 0,
			  "mprotect(PROT_NONE)");
	else
		step_call(&changer, mprotect(target, page_size, PROT_READ) < 0,
			  "mprotect(PROT_READ)");
}

/* What a read finds after step s: the file page it shows, or the fault. */
static struct fault state(unsigned long s)
{
	struct fault f = { 0, 0, NULL, 0 };
	unsigned long page = variant_is("fixed") ? s % NPAGES
			   : variant_is("munmap") ? (s / 2) % NPAGES : 0;

	if (!variant_is("fixed") && s % 2 == 1) {
		f.sig = SIGSEGV;
		f.code = variant_is("munmap") ? SEGV_MAPERR : SEGV_ACCERR;
	}
	f.value = pattern_byte(page * page_size);
	return f;
}

static void run(void)
{
	unsigned long final;

	fd = make_file("pages", NPAGES * page_size);
	target = reserve(page_size);
	SAFE_MMAP(target, page_size, PROT_READ, MAP_SHARED | MAP_FIXED, fd, 0);
	changer.step = step;
	changer.steps = variant_is("fixed") ? ROUNDS + 1 : 2 * ROUNDS + 1;
	stepper_start(&changer);

	race_reads(&changer, target, state,
		   variant_is("fixed") ? "hole_during_fixed_replacement" : NULL);
	stepper_join(&changer);

	final = changer.steps;
	if (variant_is("fixed"))
		CHECK_PATTERN(target, (final % NPAGES) * page_size, page_size);
	else if (variant_is("munmap"))
		CHECK_UNMAPPED(target, page_size);
	else
		CHECK_READ_FAULTS(target, SIGSEGV, SEGV_ACCERR);
}
