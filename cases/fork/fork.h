/*
 * fork.h - what the fork/ cases share.
 *
 * Most fork cases have one shape: a mapping holding a known pattern, a
 * fork, one process acting on the mapping (a store, an mprotect(), an
 * munmap()), and another process checking what it sees.  act_across_fork()
 * runs that protocol; it returns only in the process that checks, so a
 * case reads as setup, act_across_fork(), the check.
 *
 * The rest are Linux observables that several cases read: the memory locks
 * of a process (VmLck) and the layout of a range in /proc/self/maps.
 */
#ifndef FORK_H
#define FORK_H

#include "mmapcts.h"

#include <stdio.h>
#include <stdlib.h>

/* Pattern seeds: what a mapping holds before the fork (the seed of
 * make_object()'s bytes too), and what a process stores after it. */
enum { BEFORE_FORK = 0, STORED = 2 };

/* The processes of the protocol: each forks the next. */
enum proc { PARENT, CHILD, GRANDCHILD };

/* A MAP_ANONYMOUS mapping (flags: MAP_SHARED or MAP_PRIVATE), read-write,
 * holding pattern BEFORE_FORK. */
static inline unsigned char *anon_mapping(int flags, size_t len)
{
	unsigned char *map = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE,
				       flags | MAP_ANONYMOUS, -1, 0);

	fill_pattern(map, 0, len, BEFORE_FORK);
	return map;
}

/* A read-write mapping (flags: MAP_SHARED or MAP_PRIVATE) of a new object
 * of the variant's backing; its len bytes hold pattern BEFORE_FORK. */
static inline unsigned char *object_mapping(int flags, size_t len)
{
	struct object obj = make_object(len);

	return SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, flags, obj.fd, 0);
}

/* The usual action: fill the whole range with pattern STORED. */
static inline void store_pattern(unsigned char *map, size_t len)
{
	fill_pattern(map, 0, len, STORED);
}

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
static inline void act_across_fork(unsigned char *map, size_t len, enum proc actor,
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

/* Another action: unmap the whole range. */
static inline void unmap_range(unsigned char *map, size_t len)
{
	SAFE_MUNMAP(map, len);
}

/* act_across_fork() with store_pattern() as the action. */
static inline void store_across_fork(unsigned char *map, size_t len, enum proc actor,
				     enum proc checker)
{
	act_across_fork(map, len, actor, store_pattern, checker);
}

/* madvise(), where EINVAL means this kernel does not know the advice. */
static inline void advise_or_unsupported(void *addr, size_t len, int advice,
					 const char *name)
{
	if (madvise(addr, len, advice) == 0)
		return;
	if (errno == EINVAL)
		UNSUPPORTED("madvise(%s) fails with EINVAL: this kernel does not "
			    "know the advice", name);
	UNRESOLVED("madvise(%s) failed: %s", name, errno_name(errno));
}

/*
 * Linux: the layout of [map, map+len) as /proc/self/maps shows it, without
 * addresses: one "first-end perms offset name" item per mapping that
 * overlaps the range, first and end in pages from map, name the last part
 * of the path (a temporary directory's name would not diff cleanly).  Two processes with
 * the same mappings there get the same string.
 */
static inline const char *range_layout(const void *map, size_t len, char *buf, size_t n)
{
	FILE *f = fopen("/proc/self/maps", "r");
	uintptr_t lo = (uintptr_t)map, hi = lo + len;
	char line[512];
	size_t used = 0;

	if (!f)
		UNTESTED("no /proc/self/maps: the layout cannot be observed");
	buf[0] = '\0';
	while (fgets(line, sizeof(line), f) && used < n) {
		unsigned long start, end, off;
		char perms[8], *name;
		int name_at = 0;

		if (sscanf(line, "%lx-%lx %7s %lx %*s %*s %n", &start, &end, perms, &off,
			   &name_at) < 4 || end <= lo || start >= hi)
			continue;
		line[strcspn(line, "\n")] = '\0';
		name = strrchr(line + name_at, '/');
		used += (size_t)snprintf(buf + used, n - used, "%s%ld-%ld %s %lx %s",
					 used ? "; " : "",
					 ((long)start - (long)lo) / (long)page_size,
					 ((long)end - (long)lo) / (long)page_size, perms, off,
					 name ? name + 1 : line + name_at);
	}
	fclose(f);
	return buf;
}

#endif /* FORK_H */
