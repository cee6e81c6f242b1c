/*
 * cow.c - faults of the cow group (their list: MMAPCTS_FAULTS_COW in
 * faults.h): copy-on-write that a kernel shortcut, a system call's copy to
 * or from user memory, or a generation of fork() gets wrong.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "internal.h"

/* Make [addr, addr + len) of a private anonymous mapping shared anonymous
 * memory holding the same bytes and protection: a later fork() shares it. */
static void share_range(uintptr_t addr, size_t len)
{
	struct tracked *t = find_tracked(addr);
	void *copy;

	if (!t || !(t->flags & MAP_ANONYMOUS) || (t->flags & MAP_KIND) != MAP_PRIVATE ||
	    addr + len > t->addr + t->len || !(copy = malloc(len)))
		return;
	real_mprotect((void *)addr, len, t->prot | PROT_READ);
	memcpy(copy, (void *)addr, len);
	if (real_mmap((void *)addr, len, PROT_READ | PROT_WRITE,
		      MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != MAP_FAILED) {
		memcpy((void *)addr, copy, len);
		if (addr == t->addr && len >= t->len)	/* shared once, not again */
			t->flags = (t->flags & ~MAP_KIND) | MAP_SHARED;
	}
	real_mprotect((void *)addr, len, t->prot);
	free(copy);
}

static int private_anon(const struct tracked *t)
{
	return (t->flags & MAP_ANONYMOUS) && (t->flags & MAP_KIND) == MAP_PRIVATE;
}

/* fork-shares-readonly-private */
static pid_t shares_readonly_fork(void)
{
	for (int i = 0; i < ntracked; i++)
		if (private_anon(&tracked[i]) && tracked[i].prot == PROT_READ)
			share_range(tracked[i].addr, tracked[i].len);
	return real_fork();
}
FAULT(COW_FORK_SHARES_READONLY, .fork = shares_readonly_fork);

/* hugepage-fork-shares, pageout-swapin-shares: the advice named makes the
 * range shared, then does what it does. */
static int share_then_advise(int which, void *addr, size_t len, int advice)
{
	if (advice == which)
		share_range((uintptr_t)addr, round_up(len));
	return real_madvise(addr, len, advice);
}

#ifndef MADV_HUGEPAGE
#define MADV_HUGEPAGE -1
#endif
#ifndef MADV_PAGEOUT
#define MADV_PAGEOUT -1
#endif
static int hugepage_shares_madvise(void *addr, size_t len, int advice)
{
	return share_then_advise(MADV_HUGEPAGE, addr, len, advice);
}
FAULT(COW_HUGEPAGE_SHARED, .madvise = hugepage_shares_madvise);

static int pageout_shares_madvise(void *addr, size_t len, int advice)
{
	return share_then_advise(MADV_PAGEOUT, addr, len, advice);
}
FAULT(COW_PAGEOUT_SHARED, .madvise = pageout_shares_madvise);

/*
 * read-writes-through-cow: the processes of a fork know each other (the
 * parent its children, a child its parent) and the private memory they
 * shared at the fork; the other process's copy is reached through
 * /proc/PID/mem (Linux; elsewhere the calls pass through).  (No fault
 * bends write() the same way: one with a write hook would run under every
 * case, which all write their results; cow/write-sends-own-copy is caught
 * by fork-shares-private and anon-pages-aliased.)
 */
#define MAX_PEERS 16
static pid_t peers[MAX_PEERS];
static int npeers;
static struct ranges inherited;
static int is_forked_child;

static pid_t peers_fork(void)
{
	pid_t pid, parent = getpid();

	for (int i = 0; i < ntracked; i++)
		if ((tracked[i].flags & MAP_KIND) == MAP_PRIVATE)
			ranges_add(&inherited, tracked[i].addr, tracked[i].len);
	pid = real_fork();
	if (pid == 0) {
		peers[0] = parent;
		npeers = 1;
		is_forked_child = 1;
	} else if (pid > 0 && npeers < MAX_PEERS) {
		peers[npeers++] = pid;
	}
	return pid;
}

static int peer_mem(pid_t pid, int flags)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/%ld/mem", (long)pid);
	return open(path, flags);
}

static ssize_t read_writes_through(int fd, void *buf, size_t n)
{
	ssize_t r = real_read(fd, buf, n);

	if (r > 0 && ranges_overlap(&inherited, (uintptr_t)buf, (size_t)r))
		for (int i = 0; i < npeers; i++) {
			int mem = peer_mem(peers[i], O_RDWR);

			if (mem < 0)
				continue;
			if (pwrite(mem, buf, (size_t)r, (off_t)(uintptr_t)buf) < 0)
				(void)0;	/* the peer may be gone */
			real_close(mem);
		}
	return r;
}
FAULT(COW_READ_WRITES_THROUGH, .fork = peers_fork, .read = read_writes_through);

/* child-mmap-enomem: RLIMIT_AS lowered in the child to its size at the fork
 * (the first field of /proc/self/statm, in pages). */
static pid_t child_mmap_enomem_fork(void)
{
	pid_t pid = real_fork();
	unsigned long pages = 0;
	FILE *f;

	if (pid != 0)
		return pid;
	f = fopen("/proc/self/statm", "r");
	if (f) {
		if (fscanf(f, "%lu", &pages) != 1)
			pages = 0;
		fclose(f);
	}
	if (pages) {
		struct rlimit rl = { pages * pg, pages * pg };

		real_setrlimit(RLIMIT_AS, &rl);
	}
	return 0;
}
FAULT(COW_CHILD_MMAP_ENOMEM, .fork = child_mmap_enomem_fork);

/* fork-shares-in-child */
static pid_t shares_in_child_fork(void)
{
	pid_t pid;

	if (is_forked_child)
		for (int i = 0; i < ntracked; i++)
			if (private_anon(&tracked[i]) && (tracked[i].prot & PROT_READ))
				share_range(tracked[i].addr, tracked[i].len);
	pid = real_fork();
	if (pid == 0)
		is_forked_child = 1;
	return pid;
}
FAULT(COW_FORK_SHARES_IN_CHILD, .fork = shares_in_child_fork);

/* private-populate-ignored */
#ifndef MAP_POPULATE
#define MAP_POPULATE 0
#endif
static int populate_private_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)fd, (void)off;
	return MAP_POPULATE && (flags & MAP_POPULATE) && (flags & MAP_KIND) == MAP_PRIVATE;
}

static void *populate_ignored_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	return real_mmap(addr, len, prot, flags & ~MAP_POPULATE, fd, off);
}
FAULT(COW_POPULATE_IGNORED, .mmap_when = populate_private_when,
      .mmap_file = populate_ignored_mmap);
