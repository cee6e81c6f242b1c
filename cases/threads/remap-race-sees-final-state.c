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
		     "XBD 4.12 Memory Synchronization",
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
	if (mmap(target, page_size, PROT_READ, MAP_SHARED | MAP_FIXED, fd,
		 (off_t)((k % NPAGES) * page_size)) != target)
		step_failed(&changer, "mmap(MAP_FIXED)");
}

static void step(unsigned long n)
{
	if (variant_is("fixed"))
		map_file_page(n);
	else if (n % 2 == 0)	/* munmap, mprotect: the even steps give it back */
		variant_is("munmap") ? map_file_page(n / 2)
				     : (void)(mprotect(target, page_size, PROT_READ) < 0 &&
					      (step_failed(&changer, "mprotect(PROT_READ)"), 1));
	else if (variant_is("munmap") ? munmap(target, page_size) < 0
				      : mprotect(target, page_size, PROT_NONE) < 0)
		step_failed(&changer, variant_is("munmap") ? "munmap()" : "mprotect(PROT_NONE)");
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

static int matches(struct fault got, unsigned long s)
{
	struct fault want = state(s);

	if (got.sig != want.sig)
		return 0;
	return got.sig ? got.code == want.code : got.value == want.value;
}

static void check_read(unsigned long before, int still, struct fault got,
		       unsigned long after)
{
	unsigned long last = still ? before : after < changer.steps ? after + 1 : changer.steps;

	for (unsigned long s = before; s <= last; s++)
		if (matches(got, s))
			return;
	if (variant_is("fixed") && got.sig == SIGSEGV && got.code == SEGV_MAPERR &&
	    !still && before < changer.steps) {
		OBSERVE("hole_during_fixed_replacement", "yes");
		return;
	}
	if (got.sig)
		FAIL("a read between steps %lu and %lu raised %s/%s, which no state "
		     "from step %lu on gives", before, after, signal_name(got.sig),
		     si_code_name(got.sig, got.code), before);
	FAIL("a read between steps %lu and %lu found byte 0x%02x, which no state "
	     "from step %lu on shows (a stale page)", before, after, got.value, before);
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

	stepper_go(&changer);
	while (stepper_running(&changer)) {
		unsigned long before = stepper_done(&changer);
		int still = stepper_waits(&changer, before);
		struct fault got = probe_read(target);

		check_read(before, still, got, stepper_done(&changer));
		stepper_saw(&changer, before);
	}
	stepper_join(&changer);

	final = changer.steps;
	if (variant_is("fixed"))
		CHECK_PATTERN(target, (final % NPAGES) * page_size, page_size);
	else if (variant_is("munmap"))
		CHECK_UNMAPPED(target, page_size);
	else
		CHECK_READ_FAULTS(target, SIGSEGV, SEGV_ACCERR);
}
