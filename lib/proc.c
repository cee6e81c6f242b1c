/*
 * proc.c - children that carry a verdict home, and parent-child rendezvous
 * over pipes (never sleep).
 */
#include "mmapcts.h"
#include "internal.h"

#include <stdio.h>
#include <sys/wait.h>

#define MAX_SYNCS 16
static struct sync *syncs[MAX_SYNCS];
static int nsyncs;

void sync_init(struct sync *s)
{
	if (nsyncs == MAX_SYNCS)
		UNRESOLVED("sync_init: more than %d rendezvous", MAX_SYNCS);
	SAFE_PIPE(s->to_child);
	SAFE_PIPE(s->to_parent);
	s->rd = s->wr = -1;
	s->bound = 0;
	syncs[nsyncs++] = s;
}

void mmapcts_bind_syncs(int in_child)
{
	for (int i = 0; i < nsyncs; i++) {
		struct sync *s = syncs[i];

		if (s->bound)
			continue;
		s->bound = 1;
		if (in_child) {
			s->rd = s->to_child[0];
			s->wr = s->to_parent[1];
			close(s->to_child[1]);
			close(s->to_parent[0]);
		} else {
			s->rd = s->to_parent[0];
			s->wr = s->to_child[1];
			close(s->to_parent[1]);
			close(s->to_child[0]);
		}
	}
	/* Each rendezvous belongs to the one fork that followed its sync_init(). */
	nsyncs = 0;
}

static void need_bound(struct sync *s)
{
	if (!s->bound)
		UNRESOLVED("struct sync used before start_child()/SAFE_FORK()");
}

void sync_send(struct sync *s, const void *buf, size_t n)
{
	size_t done = 0;

	struct sigaction ignore, old;

	need_bound(s);
	/* A peer that is gone must end the case UNRESOLVED, not kill it (SIGPIPE). */
	memset(&ignore, 0, sizeof(ignore));
	ignore.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &ignore, &old);
	while (done < n) {
		ssize_t r = write(s->wr, (const char *)buf + done, n - done);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			int err = errno;
			sigaction(SIGPIPE, &old, NULL);
			UNRESOLVED("sync: the peer is gone (write: %s)",
				   r < 0 ? errno_name(err) : "0");
		}
		done += (size_t)r;
	}
	sigaction(SIGPIPE, &old, NULL);
}

void sync_recv(struct sync *s, void *buf, size_t n)
{
	size_t done = 0;

	need_bound(s);
	while (done < n) {
		ssize_t r = read(s->rd, (char *)buf + done, n - done);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			UNRESOLVED("sync: read failed: %s", errno_name(errno));
		if (r == 0)
			UNRESOLVED("sync: the peer exited before it posted");
		done += (size_t)r;
	}
}

void sync_post(struct sync *s)
{
	char c = 'p';

	sync_send(s, &c, 1);
}

void sync_wait(struct sync *s)
{
	char c;

	sync_recv(s, &c, 1);
}

pid_t start_child(void (*fn)(void *), void *arg)
{
	pid_t pid = SAFE_FORK();

	if (pid == 0) {
		fn(arg);
		mmapcts_exit(VERDICT_PASS);
	}
	return pid;
}

void wait_child(pid_t pid)
{
	int status;
	enum verdict v;

	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR)
			UNRESOLVED("waitpid(child) failed: %s", errno_name(errno));
	}
	if (WIFSIGNALED(status))
		FAIL("the child was killed by %s", signal_name(WTERMSIG(status)));
	v = mmapcts_verdict_of_status(status);
	if (v == VERDICT_PASS)
		return;
	/* The child printed its own message; end the same way. */
	if (v == VERDICT_FAIL && WEXITSTATUS(status) != MMAPCTS_EXIT_FAIL)
		FAIL("the child exited with status %d", WEXITSTATUS(status));
	mmapcts_end_(v, __FILE__, __LINE__, "the child ended %s (see its message above)",
		     verdict_name(v));
}

void run_in_child(void (*fn)(void *), void *arg)
{
	wait_child(start_child(fn, arg));
}
