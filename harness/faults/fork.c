/*
 * fork.c - faults in what a child of fork() inherits: which memory,
 * shared or copied, with which protections and locks.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"

/* fork() with something done in the child before it returns there. */
static pid_t fork_then(void (*in_child)(void))
{
	pid_t pid = real_fork();

	if (pid == 0)
		in_child();
	return pid;
}

/* fork-shares-private: each private mapping replaced by shared memory
 * holding the same bytes, before the fork. */
static void make_shared(struct tracked *t)
{
	void *copy = malloc(t->len);

	if (!copy)
		return;
	memcpy(copy, (void *)t->addr, t->len);
	if (real_mmap((void *)t->addr, t->len, PROT_READ | PROT_WRITE,
		      MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != MAP_FAILED) {
		memcpy((void *)t->addr, copy, t->len);
		real_mprotect((void *)t->addr, t->len, t->prot);
		t->flags = (t->flags & ~MAP_KIND) | MAP_SHARED;
	}
	free(copy);
}

static int private_writable_anon(const struct tracked *t)
{
	return (t->flags & MAP_ANONYMOUS) && (t->flags & MAP_KIND) == MAP_PRIVATE &&
	       (t->prot & PROT_WRITE);
}

static pid_t shares_private_fork(void)
{
	for (int i = 0; i < ntracked; i++)
		if (private_writable_anon(&tracked[i]) && (tracked[i].prot & PROT_READ))
			make_shared(&tracked[i]);
	return real_fork();
}
FAULT(FORK_SHARES_PRIVATE, .fork = shares_private_fork);

static void drop_mappings(void)
{
	for (int i = 0; i < ntracked; i++)
		real_munmap((void *)tracked[i].addr, tracked[i].len);
	ntracked = 0;
}

static pid_t drops_mappings_fork(void)
{
	return fork_then(drop_mappings);
}
FAULT(FORK_DROPS_MAPPINGS, .fork = drops_mappings_fork);

static void wipe_memory(void)
{
	for (int i = 0; i < ntracked; i++)
		if (private_writable_anon(&tracked[i]))
			memset((void *)tracked[i].addr, 0, tracked[i].len);
}

static pid_t wipes_memory_fork(void)
{
	return fork_then(wipe_memory);
}
FAULT(FORK_WIPES_MEMORY, .fork = wipes_memory_fork);

static void lose_protection(void)
{
	for (int i = 0; i < ntracked; i++)
		if (tracked[i].prot != PROT_NONE)
			real_mprotect((void *)tracked[i].addr, tracked[i].len,
				      tracked[i].prot | PROT_READ | PROT_WRITE);
}

static pid_t loses_protection_fork(void)
{
	return fork_then(lose_protection);
}
FAULT(FORK_LOSES_PROTECTION, .fork = loses_protection_fork);

static void keep_locks(void)
{
	for (int i = 0; i < locked.n; i++)
		real_mlock((void *)locked.r[i].addr, locked.r[i].len);
	if (lockall_flags)
		real_mlockall(lockall_flags);
}

static pid_t keeps_locks_fork(void)
{
	return fork_then(keep_locks);
}
FAULT(FORK_KEEPS_LOCKS, .fork = keeps_locks_fork);

/*
 * fork-shares-protection: the processes of a fork share one mailbox page;
 * an mprotect() of inherited memory is posted there, the peers (the parent
 * and the children) are woken with SIGURG (ignored by default, so an image
 * that knows nothing of it is safe) and apply it before the caller goes on.
 */
#define MAX_PEERS 16
static struct mailbox {
	volatile uintptr_t addr;
	volatile size_t len;
	volatile int prot;
	volatile unsigned seq, ack;
} *mailbox;
static pid_t peers[MAX_PEERS];
static int npeers;
static pid_t parent_peer;
static struct ranges inherited;

static void on_peer_mprotect(int sig)
{
	int saved = errno;

	(void)sig;
	if (mailbox && mailbox->ack != mailbox->seq) {
		real_mprotect((void *)mailbox->addr, mailbox->len, mailbox->prot);
		mailbox->ack = mailbox->seq;
	}
	errno = saved;
}

/* Made at load, before the case maps anything: the mailbox must not land
 * in a hole the case keeps, or differ between processes. */
static void shares_protection_start(void)
{
	struct sigaction sa;
	void *m = real_mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	mailbox = m == MAP_FAILED ? NULL : m;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_peer_mprotect;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	real_sigaction(SIGURG, &sa, NULL);
}

static int was_inherited(uintptr_t a, size_t len)
{
	for (int i = 0; i < inherited.n; i++)
		if (a >= inherited.r[i].addr && a + len <= inherited.r[i].addr + inherited.r[i].len)
			return 1;
	return 0;
}

static void tell_peers(uintptr_t a, size_t len, int prot)
{
	if (!mailbox || !was_inherited(a, len))
		return;
	for (int i = 0; i < npeers; i++) {
		if (peers[i] == parent_peer && getppid() != parent_peer)
			continue;	/* the parent is gone */
		mailbox->addr = a;
		mailbox->len = len;
		mailbox->prot = prot;
		mailbox->seq++;
		if (kill(peers[i], SIGURG) < 0)
			continue;
		/* Wait (up to 100 ms: the peer may have exited or exec'd) until
		 * the peer has applied it, so the change is there before the
		 * caller tells anyone. */
		for (int n = 0; n < 1000 && mailbox->ack != mailbox->seq; n++) {
			struct timespec ts = { 0, 100000 };
			nanosleep(&ts, NULL);
		}
		mailbox->ack = mailbox->seq;
	}
}

static int shares_protection_mprotect(void *addr, size_t len, int prot)
{
	int r = real_mprotect(addr, len, prot);

	if (r == 0)
		tell_peers((uintptr_t)addr, len, prot);
	return r;
}

static pid_t shares_protection_fork(void)
{
	pid_t pid, parent = getpid();

	inherited.n = 0;
	for (int i = 0; i < ntracked; i++)
		ranges_add(&inherited, tracked[i].addr, tracked[i].len);
	pid = real_fork();
	if (pid == 0) {
		peers[0] = parent_peer = parent;
		npeers = 1;
	} else if (pid > 0 && npeers < MAX_PEERS) {
		peers[npeers++] = pid;
	}
	return pid;
}
FAULT(FORK_SHARES_PROTECTION, .armed_by = HOOK_fork, .start = shares_protection_start,
      .mprotect = shares_protection_mprotect, .fork = shares_protection_fork);

/* fork-fails: every fork() refused, as if the process limit were reached. */
static pid_t fails_fork(void)
{
	errno = EAGAIN;
	return -1;
}
FAULT(FORK_FAILS, .fork = fails_fork);
