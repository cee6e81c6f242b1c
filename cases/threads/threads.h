/*
 * threads.h - what the threads/ cases share: a second thread that changes
 * a mapping step by step while the case's own thread reads it.
 *
 * The probes (probe_read()) are the case thread's alone (their signal
 * handling is per process); the other thread only calls the mapping
 * interfaces and counts its steps in `step`, which the case thread reads
 * before and after each probe: a probe that saw no step complete may see
 * the state of that step or of the one under way, never an older one.
 * The stepper takes its next step only once a probe that began after the
 * last one has ended (stepper_saw()), so every state is read at least
 * once while it holds still (stepper_waits()), and the later reads race
 * with the next step.
 */
#ifndef MMAPCTS_THREADS_H
#define MMAPCTS_THREADS_H

#include <pthread.h>
#include <stdatomic.h>

#include "mmapcts.h"

struct stepper {
	void (*step)(unsigned long n);	/* performs step n (1, 2, ...) */
	unsigned long steps;		/* how many */
	atomic_ulong done;		/* the last step completed */
	unsigned long seen;		/* the case thread's: the last step it acknowledged */
	int err;			/* the errno of a step that failed */
	const char *what;		/* and the call */
	int go[2];			/* the case thread's "go" and acknowledgements */
	pthread_t thread;
};

static inline void *stepper_main(void *arg)
{
	struct stepper *s = arg;
	char c;

	if (read(s->go[0], &c, 1) != 1)
		return NULL;
	for (unsigned long n = 1; n <= s->steps && !s->err; n++) {
		s->step(n);
		atomic_store_explicit(&s->done, n, memory_order_release);
		/* Each state is read at least once before the next step (a
		 * blocking wait: the machine may be busy). */
		if (read(s->go[0], &c, 1) != 1)
			break;
	}
	atomic_store_explicit(&s->done, s->steps + 1, memory_order_release);
	return NULL;
}

/* In a step: the result of a call (-1: failed), which stops the stepper
 * (reported by the case thread as UNRESOLVED once the stepper has ended). */
static inline void step_call(struct stepper *s, int failed, const char *what)
{
	if (failed) {
		s->what = what;
		s->err = errno;
	}
}

#undef MMAPCTS_HERE
#define MMAPCTS_HERE file, line

/* Start the stepper; it waits for stepper_go(). */
static inline void stepper_start_(const char *file, int line, struct stepper *s)
{
	int err;

	atomic_store(&s->done, 0);
	s->seen = 0;
	SAFE_PIPE(s->go);
	err = pthread_create(&s->thread, NULL, stepper_main, s);
	if (err)
		UNRESOLVED("pthread_create() failed: %s", errno_name(err));
}
#define stepper_start(...) stepper_start_(MMAPCTS_HERE, __VA_ARGS__)

static inline void stepper_go_(const char *file, int line, struct stepper *s)
{
	SAFE_WRITE(s->go[1], "g", 1);
}
#define stepper_go(...) stepper_go_(MMAPCTS_HERE, __VA_ARGS__)

/* Has it performed every step (it is done, or stopped)? */
static inline int stepper_running(struct stepper *s)
{
	return atomic_load_explicit(&s->done, memory_order_acquire) <= s->steps;
}

/* Is the stepper waiting for a probe that began after step n (its last)?
 * Then nothing changes until stepper_saw(s, n): the probe must find the
 * state of step n itself. */
static inline int stepper_waits(struct stepper *s, unsigned long n)
{
	return n > s->seen && n <= s->steps;
}

/* A probe that began after step n completed has ended: the stepper may
 * take the next step (a probe still races with it as it begins). */
static inline void stepper_saw(struct stepper *s, unsigned long n)
{
	if (stepper_waits(s, n)) {
		s->seen = n;
		if (write(s->go[1], "a", 1) != 1)
			s->seen = s->steps;	/* the stepper is gone */
	}
}

/* The last step completed. */
static inline unsigned long stepper_done(struct stepper *s)
{
	unsigned long n = atomic_load_explicit(&s->done, memory_order_acquire);

	return n > s->steps ? s->steps : n;
}

/* What a read of the page finds after step s: the byte, or the fault. */
typedef struct fault (*state_fn)(unsigned long s);

static inline int read_matches(struct fault got, struct fault want)
{
	if (got.sig != want.sig)
		return 0;
	return got.sig ? got.code == want.code : got.value == want.value;
}

/*
 * The case thread's side: start the stepper, probe addr without pause
 * until the stepper is done, and check each read against the states from
 * the last step completed before it to the one after it ends (the state
 * of that step alone, when the stepper waits for this read).  A read that
 * finds none of them FAILs: a stale page, or a fault no state gives.
 * hole_key, unless NULL, lets a read that races with a step find a hole
 * (SEGV_MAPERR), observed under that name: for a change POSIX describes
 * as an unmap then a map.
 */
static inline void race_reads_(const char *file, int line, struct stepper *s,
			       const volatile unsigned char *addr, state_fn state,
			       const char *hole_key)
{
	stepper_go(s);
	while (stepper_running(s)) {
		unsigned long before = stepper_done(s), after, last;
		int still = stepper_waits(s, before);
		struct fault got = probe_read(addr);

		after = stepper_done(s);
		last = still ? before : after < s->steps ? after + 1 : s->steps;
		for (unsigned long n = before; n <= last; n++)
			if (read_matches(got, state(n)))
				goto ok;
		if (hole_key && !still && before < s->steps && got.sig == SIGSEGV &&
		    got.code == SEGV_MAPERR) {
			OBSERVE(hole_key, "yes");
			goto ok;
		}
		if (got.sig)
			FAIL("a read between steps %lu and %lu raised %s/%s, which no "
			     "state from step %lu on gives", before, after,
			     signal_name(got.sig), si_code_name(got.sig, got.code), before);
		FAIL("a read between steps %lu and %lu found byte 0x%02x, which no "
		     "state from step %lu on shows (a stale page)", before, after,
		     got.value, before);
ok:
		stepper_saw(s, before);
	}
}
#define race_reads(...) race_reads_(MMAPCTS_HERE, __VA_ARGS__)

static inline void stepper_join_(const char *file, int line, struct stepper *s)
{
	pthread_join(s->thread, NULL);
	if (s->err)
		UNRESOLVED("in the other thread, %s failed: %s", s->what, errno_name(s->err));
}
#define stepper_join(...) stepper_join_(MMAPCTS_HERE, __VA_ARGS__)

#undef MMAPCTS_HERE
#define MMAPCTS_HERE __FILE__, __LINE__

#endif /* MMAPCTS_THREADS_H */
