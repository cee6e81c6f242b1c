/*
 * fork.h - what the fork/ cases share.
 *
 * Most fork cases have one shape: a mapping holding a known pattern, a
 * fork, one process acting on the mapping (a store, an mprotect(), an
 * munmap()), and another process checking what it sees.  act_across_fork()
 * runs that protocol; it returns only in the process that checks, so a
 * case reads as setup, act_across_fork(), the check.
 */
#ifndef FORK_H
#define FORK_H

#include "mmapcts.h"

/* Pattern seeds: what a mapping holds before the fork (the seed of
 * SAFE_MAP_PATTERN()'s bytes), and what a process stores after it. */
enum { BEFORE_FORK = 0, STORED = 2 };

/* The processes of the protocol: each forks the next. */
enum proc { PARENT, CHILD, GRANDCHILD };

/* The usual action: fill the whole range with pattern STORED. */
static inline void store_pattern(unsigned char *map, size_t len)
{
	fill_pattern(map, 0, len, STORED);
}

/* Another action: unmap the whole range. */
static inline void unmap_range(unsigned char *map, size_t len)
{
	SAFE_MUNMAP(map, len);
}

/*
 * The helpers from here on are called through a macro of their name that
 * passes the case's file and line; inside them MMAPCTS_HERE is those, so a
 * setup call, check or verdict in them names the case's line, never this
 * header's.
 */
#undef MMAPCTS_HERE
#define MMAPCTS_HERE file, line

/*
 * The across-fork protocol.  The case's own process forks a child (and the
 * child a grandchild when either role is GRANDCHILD); every process reads
 * each page of [map, map+len), so that all of them refer to the same pages
 * before anything changes; then `actor` runs action(map, len).  Once the
 * action is complete, the call returns in `checker` - and only there:
 *   - the processes below the checker exit once the action is done (and
 *     their own child has exited), so an ancestor checks what is left
 *     after its descendants are gone;
 *   - the processes above the checker wait for their child to exit and end
 *     with its verdict (a check that fails in the child fails the case).
 * actor and checker may be the same process.
 */
static inline void act_across_fork_(const char *file, int line, unsigned char *map,
				    size_t len, enum proc actor,
				    void (*action)(unsigned char *map, size_t len),
				    enum proc checker)
{
	int last = actor > checker ? (int)actor : (int)checker;
	struct sync link[2];	/* [PARENT]: parent-child, [CHILD]: child-grandchild */
	pid_t below = 0;	/* this process's child in the chain, or 0 */
	int me = PARENT;

	while (me < last) {
		sync_init(&link[me]);
		below = SAFE_FORK();
		if (below)
			break;
		me++;
	}

	/* Every process has read every page (reported upwards). */
	touch_pages(map, len);
	if (below)
		sync_wait(&link[me]);
	if (me != PARENT)
		sync_post(&link[me - 1]);

	/* The go travels down the chain; the actor acts when it arrives. */
	if (me != PARENT)
		sync_wait(&link[me - 1]);
	if (me == (int)actor)
		action(map, len);
	if (below) {
		sync_post(&link[me]);
		wait_child(below);
	}
	if (me != (int)checker)
		mmapcts_exit(VERDICT_PASS);
}
#define act_across_fork(...) act_across_fork_(MMAPCTS_HERE, __VA_ARGS__)

/* act_across_fork() with store_pattern() as the action. */
static inline void store_across_fork_(const char *file, int line, unsigned char *map,
				      size_t len, enum proc actor, enum proc checker)
{
	act_across_fork(map, len, actor, store_pattern, checker);
}
#define store_across_fork(...) store_across_fork_(MMAPCTS_HERE, __VA_ARGS__)
#undef MMAPCTS_HERE
#define MMAPCTS_HERE __FILE__, __LINE__

#endif /* FORK_H */
