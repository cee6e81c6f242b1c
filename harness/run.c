/*
 * run.c - run cases, each in its own forked child: own process group,
 * private temp directory as its working directory, stdin from /dev/null,
 * output captured up to a cap, no core dumps, a time limit after which the
 * whole group is killed.  Several run at once; the runner waits on a poll()
 * loop woken by SIGCHLD (a self-pipe), never by sleeping.
 *
 * What a case may do, and what the runner does about it:
 * - escape its process group (setsid): the runner is the subreaper, every
 *   orphan comes to it and is killed when a case finishes;
 * - outlive a runner killed outright (SIGKILL): each case's first process
 *   has PR_SET_PDEATHSIG.  As root on Linux each case also has a PID
 *   namespace of its own (private_pids()), which dies with it whole; not
 *   root, what it forked and left behind cannot be reached then, and stays.
 *   The work directory of a dead runner is removed by the next run: it
 *   holds a lock the runner keeps while it lives;
 * - signal other processes: kill(-1) as root reaches only its namespace;
 *   SIGINT, SIGTERM and SIGHUP the runner gets from a case or what it
 *   started are ignored;
 * - mount over its directory (as root): on Linux it has a mount namespace
 *   of its own, private, so that its mounts die with it; and the cleanup
 *   never crosses a mount point (lib/tree.c);
 * - take the permissions of its directory or the work directory away: the
 *   runner gives them back before it makes or removes anything;
 * - stop the runner (SIGSTOP, a suspended laptop): time the runner did not
 *   run is added to every running case's time limit.
 */
#include "../lib/system-mode.h"	/* first: namespaces, subreaper (Linux) */
#include "harness.h"

#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <poll.h>
#include <stdarg.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#ifdef HAVE_SYS_PRCTL_H
#include <sys/prctl.h>
#endif

#ifdef __linux__
#include <sched.h>
#include <sys/mount.h>
#endif
#include <sys/file.h>

#include "../lib/mmapcts.h"	/* the exit statuses and the result channel */
#include "../lib/tree.h"

#define TERM_GRACE 0.5		/* seconds between SIGTERM and SIGKILL */
#define STOPPED_GAP 1.0		/* a poll() late by more: the runner was stopped */
#define LOCK_NAME "lock"	/* in the work directory, locked while the runner lives */

volatile int runner_interrupted;

static const char *const outcome_names[OUT_COUNT] = {
	[OUT_PASS] = "PASS", [OUT_FAIL] = "FAIL", [OUT_UNRESOLVED] = "UNRESOLVED",
	[OUT_UNSUPPORTED] = "UNSUPPORTED", [OUT_UNTESTED] = "UNTESTED",
	[OUT_TIMEOUT] = "TIMEOUT", [OUT_CRASH] = "CRASH",
};

const char *outcome_name(enum outcome o)
{
	return (unsigned)o < OUT_COUNT ? outcome_names[o] : "?";
}

int outcome_is_failure(enum outcome o)
{
	return o == OUT_FAIL || o == OUT_TIMEOUT || o == OUT_CRASH;
}

double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

const char *runner_signal_name(int sig)
{
	static char buf[32];
	static const struct {
		int sig;
		const char *name;
	} names[] = {
		{ SIGHUP, "SIGHUP" }, { SIGINT, "SIGINT" }, { SIGQUIT, "SIGQUIT" },
		{ SIGILL, "SIGILL" }, { SIGTRAP, "SIGTRAP" }, { SIGABRT, "SIGABRT" },
		{ SIGBUS, "SIGBUS" }, { SIGFPE, "SIGFPE" }, { SIGKILL, "SIGKILL" },
		{ SIGUSR1, "SIGUSR1" }, { SIGSEGV, "SIGSEGV" }, { SIGUSR2, "SIGUSR2" },
		{ SIGPIPE, "SIGPIPE" }, { SIGALRM, "SIGALRM" }, { SIGTERM, "SIGTERM" },
		{ SIGXCPU, "SIGXCPU" }, { SIGXFSZ, "SIGXFSZ" }, { SIGSYS, "SIGSYS" },
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].sig == sig)
			return names[i].name;
	snprintf(buf, sizeof(buf), "signal %d", sig);
	return buf;
}

/* ------------------------------------------------------------------------
 * What the case said, and what that makes it.
 * ------------------------------------------------------------------------ */
static char *copy_span(const char *p, size_t n)
{
	char *s = xcalloc(1, n + 1);

	memcpy(s, p, n);
	return s;
}

/* One line of the result channel.  Past the cap (keep 0) no observation
 * is kept: those kept are the first ones, like the first message. */
static void report_line(struct report *r, const char *p, size_t len, int keep)
{
	const char *rest = p + 8;
	size_t rest_len = len >= 8 ? len - 8 : 0;

	if (len >= 8 && !memcmp(p, "verdict\t", 8)) {
		size_t k = rest_len < sizeof(r->verdict) - 1 ? rest_len : sizeof(r->verdict) - 1;
		memcpy(r->verdict, rest, k);
		r->verdict[k] = '\0';
	} else if (len >= 8 && !memcmp(p, "observe\t", 8) && memchr(rest, '=', rest_len)) {
		if (!keep) {
			r->truncated = 1;
			return;
		}
		r->observations = xrealloc(r->observations, sizeof(char *) * (r->nobs + 1));
		r->observations[r->nobs++] = copy_span(rest, rest_len);
	} else if (len >= 8 && !memcmp(p, "message\t", 8) && !r->message) {
		/* The first message, even past the cap: it says why.
		 * message<TAB>VERDICT<TAB>text: keep the text */
		const char *tab = memchr(rest, '\t', rest_len);
		r->message = tab ? copy_span(tab + 1, (size_t)(rest + rest_len - tab - 1))
				 : copy_span(rest, rest_len);
	}
}

void report_parse(struct report *r, const char *text, size_t n)
{
	const char *p = text, *end = text + n;

	memset(r, 0, sizeof(*r));
	r->bytes = n;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);

		report_line(r, p, len, 1);
		p = nl ? nl + 1 : end;
	}
}

void report_read(struct report *r, int fd, size_t cap)
{
	struct buf line = { 0 };
	char chunk[16384];
	size_t seen = 0;	/* bytes of the lines before this one */
	int skipping = 0;	/* this line is longer than the cap: no verdict */
	ssize_t n;

	memset(r, 0, sizeof(*r));
	while (fd >= 0) {
		n = read(fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		const char *p = chunk, *end = chunk + n;
		r->bytes += (size_t)n;
		while (p < end) {
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
			if (!skipping && line.len + len > cap) {
				skipping = 1;
				r->truncated = 1;
			}
			if (!skipping)
				buf_add(&line, p, len);
			if (nl) {
				if (!skipping)
					report_line(r, line.data ? line.data : "", line.len,
						    seen + line.len < cap);
				seen += line.len + 1;
				line.len = 0;
				skipping = 0;
			}
			p = nl ? nl + 1 : end;
		}
	}
	if (line.len && !skipping)
		report_line(r, line.data, line.len, seen + line.len < cap);
	buf_free(&line);
}

void report_free(struct report *r)
{
	for (size_t i = 0; i < r->nobs; i++)
		free(r->observations[i]);
	free(r->observations);
	free(r->message);
	memset(r, 0, sizeof(*r));
}

static enum outcome outcome_of_verdict(const char *v)
{
	for (int o = 0; o < OUT_COUNT; o++)
		if (!strcmp(v, outcome_names[o]))
			return (enum outcome)o;
	return OUT_COUNT;
}

static char *message_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *message_printf(const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return xstrdup(buf);
}

/* A verdict the case never explained: what is known of why, from its
 * output (a message that missed the result channel reaches stderr). */
static char *unexplained(const struct result *r)
{
	const char *out = r->output.kept.data, *line = NULL;
	size_t len = 0;

	for (size_t i = 0, start = 0; out && i <= r->output.kept.len; i++) {
		if (i == r->output.kept.len || out[i] == '\n') {
			if (i > start) {
				line = out + start;
				len = i - start;
			}
			start = i + 1;
		}
	}
	if (!line)
		return message_printf("%s (exit status %d) without a message or any output "
				      "(the runner could not set up its process, or the case "
				      "lost its result channel)", outcome_name(r->outcome),
				      r->exit_code);
	return message_printf("%s (exit status %d) without a message; its last output "
			      "line: %.*s", outcome_name(r->outcome), r->exit_code,
			      (int)(len > 400 ? 400 : len), line);
}

void classify(struct result *r, int status, int timed_out, const struct report *rep)
{
	const char *said = rep->message;

	r->exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	r->signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
	free(r->message);
	r->message = NULL;

	if (timed_out) {
		r->outcome = OUT_TIMEOUT;
		r->message = message_printf("no verdict within the time limit%s%s",
					    said ? "; last message: " : "", said ? said : "");
		return;
	}
	if (r->signal) {
		r->outcome = OUT_CRASH;
		r->message = message_printf("killed by %s%s%s", runner_signal_name(r->signal),
					    said ? "; last message: " : "", said ? said : "");
		return;
	}
	switch (r->exit_code) {
	case MMAPCTS_EXIT_PASS:
		r->outcome = OUT_PASS;
		break;
	case MMAPCTS_EXIT_FAIL:
		r->outcome = OUT_FAIL;
		break;
	case MMAPCTS_EXIT_SKIP:
		r->outcome = !strcmp(rep->verdict, "UNTESTED") ? OUT_UNTESTED : OUT_UNSUPPORTED;
		break;
	case MMAPCTS_EXIT_HARD_ERROR:
		r->outcome = OUT_UNRESOLVED;
		break;
	default:
		r->outcome = OUT_FAIL;
		r->message = message_printf("exited with status %d, which is no verdict%s%s",
					    r->exit_code, said ? "; last message: " : "",
					    said ? said : "");
		return;
	}
	/* The exit status and the reported verdict must agree. */
	enum outcome reported = outcome_of_verdict(rep->verdict);
	if (rep->verdict[0] && reported != r->outcome &&
	    !(r->outcome == OUT_UNSUPPORTED && reported == OUT_UNSUPPORTED)) {
		r->outcome = OUT_FAIL;
		r->message = message_printf("exit status %d disagrees with the reported verdict %s%s%s",
					    r->exit_code, rep->verdict,
					    said ? "; message: " : "", said ? said : "");
		return;
	}
	if (said)
		r->message = xstrdup(said);
	else if (r->outcome != OUT_PASS)
		r->message = unexplained(r);
}

void result_free(struct result *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->nobs; i++)
		free(r->observations[i]);
	free(r->observations);
	free(r->message);
	buf_free(&r->output.kept);
	free(r);
}

/* ------------------------------------------------------------------------
 * The running of cases.
 * ------------------------------------------------------------------------ */
struct slot {
	const struct case_entry *c;
	pid_t pid;		/* 0: free */
	int out_fd;		/* the capture pipe, -1 once closed */
	char tmp[4096];
	char result_path[4096];
	char token[48];		/* names the case's POSIX shm objects */
	double start, deadline, kill_at;
	int timed_out, term_sent, kill_sent, exited, status;
	struct result *r;
};

static int sigchld_pipe[2] = { -1, -1 };
static pid_t runner_pid;

static void on_sigchld(int sig)
{
	int saved = errno;
	char c = 'c';

	(void)sig;
	if (write(sigchld_pipe[1], &c, 1) < 0) {
		/* The pipe is full: the loop will wake up anyway. */
	}
	errno = saved;
}

/* Who sent SIGINT, SIGTERM or SIGHUP; the loop decides (a case may not
 * stop the run).  0: the kernel or the terminal, which count at once. */
#define MAX_SENDERS 8
static volatile pid_t senders[MAX_SENDERS];
static volatile sig_atomic_t nsenders;

static void on_interrupt(int sig, siginfo_t *info, void *uc)
{
	(void)sig;
	(void)uc;
	if (!info || info->si_pid <= 0 || info->si_pid == getpid() || nsenders >= MAX_SENDERS)
		runner_interrupted = 1;
	else
		senders[nsenders++] = info->si_pid;
	on_sigchld(0);
}

static void set_cloexec_nonblock(int fd, int nonblock)
{
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	if (nonblock)
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

/* POSIX shm objects the case left behind (it died before its cleanup):
 * on Linux they are files under /dev/shm named with the case's token. */
static void remove_shm_objects(const char *token)
{
#ifdef __linux__
	char prefix[64];
	DIR *d = opendir("/dev/shm");
	struct dirent *e;

	if (!d)
		return;
	snprintf(prefix, sizeof(prefix), "mmapcts-%s-", token);
	while ((e = readdir(d)) != NULL) {
		if (!strncmp(e->d_name, prefix, strlen(prefix))) {
			char name[300];
			snprintf(name, sizeof(name), "/%s", e->d_name);
			shm_unlink(name);
		}
	}
	closedir(d);
#else
	(void)token;
#endif
}

/* In the child, as root: a mount namespace of its own whose mounts do not
 * propagate back, so that what the case mounts goes when it goes. */
static int private_mounts(void)
{
#ifdef __linux__
	return geteuid() == 0 && unshare(CLONE_NEWNS) == 0 &&
	       mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0;
#else
	return 0;
#endif
}

#ifdef __linux__
/* In the first process (the runner's child): wait for the namespace's init
 * and end as the case ended, which init says through the pipe.  Never
 * returns. */
static void relay_case_status(pid_t init, int from_init)
{
	int status = 0, init_status = 0;
	ssize_t n;

	/* The runner's SIGTERM is for the case; SIGKILL still ends us all. */
	signal(SIGTERM, SIG_IGN);
	signal(SIGINT, SIG_IGN);
	signal(SIGHUP, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	do
		n = read(from_init, &status, sizeof(status));
	while (n < 0 && errno == EINTR);
	while (waitpid(init, &init_status, 0) < 0 && errno == EINTR)
		;
	if (n != (ssize_t)sizeof(status))
		status = init_status;	/* init itself was killed */
	if (WIFSIGNALED(status)) {
		sigset_t none;
		signal(WTERMSIG(status), SIG_DFL);
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		kill(getpid(), WTERMSIG(status));
	}
	_exit(WIFEXITED(status) ? WEXITSTATUS(status) : MMAPCTS_EXIT_HARD_ERROR);
}

/* The namespace's init: reap whatever comes, until the case ends; then say
 * how, and go, which kills everything left in the namespace. */
static void be_init(pid_t the_case, int to_relay)
{
	int status;
	pid_t pid;

	for (;;) {
		pid = wait(&status);
		if (pid == the_case) {
			if (write(to_relay, &status, sizeof(status)) < 0)
				_exit(MMAPCTS_EXIT_HARD_ERROR);
			_exit(0);
		}
		if (pid < 0 && errno != EINTR)
			_exit(MMAPCTS_EXIT_HARD_ERROR);
	}
}
#endif

/*
 * In the child, as root on Linux: a PID namespace of its own, so that
 * nothing the case starts outlives it, even with the runner killed, and
 * kill(-1) reaches only its own processes.  The first process stays to
 * relay the status; the namespace's init (pid 1) reaps and reports; the
 * case runs as pid 2, as it would anywhere, and /proc shows its namespace.
 * Returns in the case's process only.
 */
static void private_pids(int own_mounts)
{
#ifndef __linux__
	(void)own_mounts;
#else
	int pipe_fds[2];
	pid_t init, the_case;

	if (geteuid() != 0 || pipe(pipe_fds) < 0)
		return;
	if (unshare(CLONE_NEWPID) < 0) {
		close(pipe_fds[0]);
		close(pipe_fds[1]);
		return;
	}
	init = fork();
	if (init < 0)
		_exit(MMAPCTS_EXIT_HARD_ERROR);
	if (init > 0) {
		close(pipe_fds[1]);
		relay_case_status(init, pipe_fds[0]);
	}
	close(pipe_fds[0]);
#if defined(HAVE_SYS_PRCTL_H) && defined(PR_SET_PDEATHSIG)
	prctl(PR_SET_PDEATHSIG, SIGKILL);	/* the first process went: all go */
#endif
	/* Its own /proc, in its own mounts only; else the host's, where
	 * /proc/self still works. */
	if (own_mounts)
		mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
	the_case = fork();
	if (the_case < 0)
		_exit(MMAPCTS_EXIT_HARD_ERROR);
	if (the_case > 0)
		be_init(the_case, pipe_fds[1]);
	close(pipe_fds[1]);
#endif
}

/* In the child: its own process group and mounts, gone with the runner,
 * default signals, no core files. */
static int child_isolate(pid_t parent)
{
	struct rlimit no_core = { 0, 0 };
	sigset_t none;

	setpgid(0, 0);
#if defined(HAVE_SYS_PRCTL_H) && defined(PR_SET_PDEATHSIG)
	/* A runner killed outright takes its cases with it. */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != parent)
		return -1;
#else
	(void)parent;
#endif
	/* Default signals first: no runner handler runs in the namespace's
	 * first process or its init. */
	signal(SIGCHLD, SIG_DFL);
	signal(SIGPIPE, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	signal(SIGQUIT, SIG_DFL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	setrlimit(RLIMIT_CORE, &no_core);
	private_pids(private_mounts());
	return 0;
}

/* In the child, last before execv(): the runner's own code (and a sanitizer
 * runtime in it) never runs under the case's memory limit. */
static void limit_memory(size_t memory_limit)
{
	if (memory_limit) {
		struct rlimit as = { (rlim_t)memory_limit, (rlim_t)memory_limit };
		setrlimit(RLIMIT_AS, &as);
	}
}

/* In the child: isolated, the case's descriptors (stdin /dev/null, stdout
 * and stderr the capture, 3 the result channel), its temp directory.
 * Returns -1 if any of that failed. */
static int child_setup(const struct slot *s, const struct options *o, int out_w,
		       int result_w, int devnull)
{
	if (child_isolate(runner_pid) < 0)
		return -1;
	/* Move the ends above 2 first so that the dup2()s cannot clobber them. */
	out_w = fcntl(out_w, F_DUPFD_CLOEXEC, 10);
	result_w = fcntl(result_w, F_DUPFD_CLOEXEC, 10);
	if (out_w < 0 || result_w < 0 || dup2(devnull, 0) < 0 || dup2(out_w, 1) < 0 ||
	    dup2(out_w, 2) < 0 || dup2(result_w, 3) < 0)
		return -1;
	return chdir(s->tmp);
}

/* In the child: what the case finds in its environment. */
static void child_environment(const struct slot *s, const struct options *o)
{
	setenv(MMAPCTS_RESULT_FD_ENV, "3", 1);
	setenv(MMAPCTS_TMPDIR_ENV, s->tmp, 1);
	setenv("TMPDIR", s->tmp, 1);
	unsetenv("MMAPCTS_TMPDIR_OWNER");
	unsetenv("MMAPCTS_CASE_PID");
	setenv("MMAPCTS_RUN_TOKEN", s->token, 1);
	if (o->fault) {
		/* The broken system is the cases' alone: the runner stays whole. */
		const char *old = getenv("LD_PRELOAD");
		static char preload[4096];
		snprintf(preload, sizeof(preload), "%s%s%s", o->faults_lib,
			 old && *old ? " " : "", old && *old ? old : "");
		setenv("LD_PRELOAD", preload, 1);
		setenv("MMAPCTS_FAULT", o->fault, 1);
	}
}

/* In the child: become the case.  Never returns. */
static void exec_case(const struct slot *s, const struct options *o, int out_w, int result_w,
		      int devnull)
{
	static char script[4096];
	char *argv[8];
	int argc = 0;

	if (child_setup(s, o, out_w, result_w, devnull) < 0)
		_exit(MMAPCTS_EXIT_HARD_ERROR);
	if (s->c->unresolved) {
		/* Known not to be runnable (no metadata in time): said, not run. */
		dprintf(3, "message\tUNRESOLVED\tmmapcts: %s\n", s->c->unresolved);
		_exit(MMAPCTS_EXIT_HARD_ERROR);
	}
	child_environment(s, o);
	if (o->wrapper) {
		snprintf(script, sizeof(script), "%s \"$@\"", o->wrapper);
		argv[argc++] = (char *)"sh";
		argv[argc++] = (char *)"-c";
		argv[argc++] = script;
		argv[argc++] = (char *)"sh";
	}
	argv[argc++] = s->c->path;
	if (s->c->variant && s->c->variant[0]) {
		argv[argc++] = (char *)"--variant";
		argv[argc++] = s->c->variant;
	}
	argv[argc] = NULL;
	limit_memory(o->memory_limit);
	execv(o->wrapper ? "/bin/sh" : s->c->path, argv);

	int err = errno;
	dprintf(3, "message\tUNRESOLVED\tmmapcts: cannot execute %s: %s\n", s->c->path,
		strerror(err));
	dprintf(2, "mmapcts: cannot execute %s: %s\n", s->c->path, strerror(err));
	_exit(MMAPCTS_EXIT_HARD_ERROR);
}

static int start_case(struct slot *s, const struct case_entry *c, const struct options *o,
		      const char *workdir, size_t serial, int devnull)
{
	int out[2], result_w;

	memset(s, 0, sizeof(*s));
	s->c = c;
	s->out_fd = -1;
	snprintf(s->tmp, sizeof(s->tmp), "%s/c%zu", workdir, serial);
	snprintf(s->result_path, sizeof(s->result_path), "%s/c%zu.result", workdir, serial);
	snprintf(s->token, sizeof(s->token), "%ld.%zu", (long)runner_pid, serial);
	chmod(workdir, 0700);	/* a case's chmod("..", 0) is undone */
	if (mkdir(s->tmp, 0700) < 0)
		return -1;
	result_w = open(s->result_path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC,
			0600);
	if (result_w < 0)
		return -1;
	if (pipe(out) < 0) {
		close(result_w);
		return -1;
	}
	set_cloexec_nonblock(out[0], 1);
	set_cloexec_nonblock(out[1], 0);

	s->r = xcalloc(1, sizeof(*s->r));
	s->r->c = c;
	s->r->output.cap = o->output_cap;
	s->start = now_seconds();
	s->r->start = (double)time(NULL);
	double limit = (o->timeout ? o->timeout : c->timeout) * o->timeout_multiplier;
	s->deadline = s->start + limit;

	s->pid = fork();
	if (s->pid < 0) {
		close(out[0]);
		close(out[1]);
		close(result_w);
		result_free(s->r);
		s->r = NULL;
		s->pid = 0;
		return -1;
	}
	if (s->pid == 0)
		exec_case(s, o, out[1], result_w, devnull);
	setpgid(s->pid, s->pid);	/* also here: no race with an early kill */
	close(out[1]);
	close(result_w);
	s->out_fd = out[0];
	return 0;
}

static void drain(struct slot *s)
{
	char chunk[16384];
	ssize_t n;

	while (s->out_fd >= 0) {
		n = read(s->out_fd, chunk, sizeof(chunk));
		if (n > 0) {
			capture_add(&s->r->output, chunk, (size_t)n);
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n == 0) {
			close(s->out_fd);
			s->out_fd = -1;
		}
		break;		/* EAGAIN: nothing more for now */
	}
}

/*
 * Children of the runner that are no case: with the subreaper set, the
 * orphans a case left behind (also those that escaped its process group).
 * Kill every one whose group is no running case's.
 */
#ifdef __linux__
/* A /proc file of a process, read once into text (nul-terminated): 0 when
 * there is none. */
static int read_proc(long pid, const char *name, char *text, size_t size)
{
	char path[128];

	snprintf(path, sizeof(path), "/proc/%ld/%s", pid, name);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	ssize_t n = read(fd, text, size - 1);
	close(fd);
	if (n <= 0)
		return 0;
	text[n] = '\0';
	return 1;
}
#endif

static int kill_orphans(const struct slot *slots, int nslots)
{
	int killed = 0;
#ifdef __linux__
	char name[64], list[65536];
	snprintf(name, sizeof(name), "task/%ld/children", (long)getpid());
	if (!read_proc((long)getpid(), name, list, sizeof(list)))
		return 0;
	for (char *save = NULL, *w = strtok_r(list, " \n", &save); w;
	     w = strtok_r(NULL, " \n", &save)) {
		pid_t pid = (pid_t)atol(w), pgid = getpgid(pid);
		int ours = 0;
		for (int i = 0; i < nslots; i++)
			if (slots[i].pid && !slots[i].exited &&
			    (slots[i].pid == pid || slots[i].pid == pgid))
				ours = 1;
		if (!ours) {
			kill(pid, SIGKILL);
			killed++;
		}
	}
#else
	(void)slots;
	(void)nslots;
#endif
	return killed;
}

/* The parent of pid, or 0 when unknown (Linux: /proc). */
static pid_t parent_of(pid_t pid)
{
	pid_t ppid = 0;
#ifdef __linux__
	char stat[512];
	if (!read_proc((long)pid, "stat", stat, sizeof(stat)))
		return 0;
	const char *paren = strrchr(stat, ')');
	long p;
	if (paren && sscanf(paren + 1, " %*c %ld", &p) == 1)
		ppid = (pid_t)p;
#else
	(void)pid;
#endif
	return ppid;
}

/* Is pid a case's, or one of their descendants (orphans come to us)? */
static int sent_by_a_case(pid_t pid, const struct slot *slots, int nslots)
{
	pid_t pgid = getpgid(pid);

	for (int i = 0; i < nslots; i++)
		if (slots[i].pid && (slots[i].pid == pid || slots[i].pid == pgid))
			return 1;
	for (int depth = 0; depth < 64 && pid > 1; depth++) {
		pid = parent_of(pid);
		if (pid == runner_pid)
			return 1;
	}
	return 0;
}

/* The interrupts that arrived: from a case, ignored; else the run stops. */
static void take_interrupts(const struct slot *slots, int nslots)
{
	sigset_t block, old;

	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGHUP);
	sigprocmask(SIG_BLOCK, &block, &old);
	for (sig_atomic_t i = 0; i < nsenders; i++)
		if (!sent_by_a_case(senders[i], slots, nslots))
			runner_interrupted = 1;
	nsenders = 0;
	sigprocmask(SIG_SETMASK, &old, NULL);
}

/* Kill and reap every orphan, and the orphans those leave, until none is left. */
static void kill_all_orphans(const struct slot *slots, int nslots)
{
	for (int round = 0; round < 100; round++) {
		while (waitpid(-1, NULL, WNOHANG) > 0)
			;
		int killed = kill_orphans(slots, nslots);
		if (!killed)
			break;
		while (killed-- > 0 && waitpid(-1, NULL, 0) > 0)
			;	/* SIGKILL lands at once: wait for it, do not sleep */
	}
}

static void reap(struct slot *slots, int nslots)
{
	int status;
	pid_t pid;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		for (int i = 0; i < nslots; i++) {
			if (slots[i].pid == pid && !slots[i].exited) {
				slots[i].exited = 1;
				slots[i].status = status;
			}
		}
	}
}

static void finish(struct slot *s, struct slot *slots, int nslots,
		   const struct run_hooks *hooks, const char *workdir)
{
	struct report rep;
	int fd;

	/* Whatever the case left running in its group goes with it. */
	kill(-s->pid, SIGKILL);
	chmod(workdir, 0700);
	drain(s);
	if (s->out_fd >= 0) {
		close(s->out_fd);
		s->out_fd = -1;
	}
	s->r->duration = now_seconds() - s->start;

	/* The channel is capped like the output (at least 4 KiB of it). */
	fd = open(s->result_path, O_RDONLY | O_CLOEXEC);
	report_read(&rep, fd, s->r->output.cap > 4096 ? s->r->output.cap : 4096);
	if (fd >= 0)
		close(fd);
	s->r->result_bytes = rep.bytes;
	s->r->observations_truncated = rep.truncated;
	classify(s->r, s->status, s->timed_out, &rep);
	s->r->observations = rep.observations;
	s->r->nobs = rep.nobs;
	rep.observations = NULL;
	rep.nobs = 0;
	report_free(&rep);

	unlink(s->result_path);
	remove_tree(s->tmp);
	remove_shm_objects(s->token);
	s->exited = 1;
	s->pid = 0;
	kill_orphans(slots, nslots);
	struct result *r = s->r;
	s->r = NULL;
	hooks->finished(r, hooks->ctx);
}

/* A run of cases: its slots, its work directory, what it changed. */
struct scheduler {
	struct case_entry **cases;
	size_t n, next, serial;
	const struct options *o;
	const struct run_hooks *hooks;
	struct slot *slots;
	struct pollfd *pfds;
	int nslots, active, devnull;
	char workdir[1024];
	int lock_fd;
	double last_wake;	/* when poll() should have returned at the latest */
	struct sigaction old_chld, old_int, old_term, old_hup;
};

/* The base of the work directories: $TMPDIR or /tmp. */
static const char *tmp_base(void)
{
	const char *base = getenv("TMPDIR");

	return base && *base ? base : "/tmp";
}

/*
 * Work directories of runners that died without cleaning up (SIGKILL, a
 * power cut): ours, with a lock file nobody holds.  One being made has no
 * lock file yet (it is renamed into place locked) and is left alone.
 */
static void remove_stale_workdirs(const char *base)
{
	DIR *d = opendir(base);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		char dir[1024], lock[1100];
		struct stat st;
		if (strncmp(e->d_name, "mmapcts-run.", 12))
			continue;
		snprintf(dir, sizeof(dir), "%s/%s", base, e->d_name);
		snprintf(lock, sizeof(lock), "%s/" LOCK_NAME, dir);
		if (lstat(dir, &st) < 0 || !S_ISDIR(st.st_mode) || st.st_uid != geteuid())
			continue;
		int fd = open(lock, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
		if (fd < 0)
			continue;
		if (flock(fd, LOCK_EX | LOCK_NB) == 0)
			remove_tree(dir);
		close(fd);
	}
	closedir(d);
}

/* The lock that says a work directory is in use, held while we live: its
 * descriptor, or -1. */
static int lock_dir(const char *dir)
{
	char tmp[1100], lock[1100];
	int fd;

	snprintf(tmp, sizeof(tmp), "%s/" LOCK_NAME ".new", dir);
	snprintf(lock, sizeof(lock), "%s/" LOCK_NAME, dir);
	fd = open(tmp, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return -1;
	if (flock(fd, LOCK_EX) < 0 || rename(tmp, lock) < 0) {
		close(fd);
		return -1;
	}
	dprintf(fd, "%ld\n", (long)getpid());
	return fd;
}

static int lock_workdir(struct scheduler *sc)
{
	sc->lock_fd = lock_dir(sc->workdir);
	return sc->lock_fd < 0 ? -1 : 0;
}

/* The work directory, the SIGCHLD pipe and the signal handlers. */
static int scheduler_setup(struct scheduler *sc)
{
	struct sigaction sa;
	const char *base = tmp_base();

	runner_pid = getpid();
	sc->lock_fd = -1;
	remove_stale_workdirs(base);
	sc->devnull = open("/dev/null", O_RDWR | O_CLOEXEC);
	snprintf(sc->workdir, sizeof(sc->workdir), "%s/mmapcts-run.XXXXXX", base);
	if (sc->devnull < 0 || !mkdtemp(sc->workdir) || lock_workdir(sc) < 0) {
		fprintf(stderr, "mmapcts: cannot make a work directory under %s: %s\n",
			base, strerror(errno));
		return -1;
	}
	if (pipe(sigchld_pipe) < 0) {
		fprintf(stderr, "mmapcts: pipe: %s\n", strerror(errno));
		return -1;
	}
	set_cloexec_nonblock(sigchld_pipe[0], 1);
	set_cloexec_nonblock(sigchld_pipe[1], 1);
#if defined(HAVE_SYS_PRCTL_H) && defined(PR_SET_CHILD_SUBREAPER)
	/* Orphans of a case come to us, so that none outlives the run. */
	prctl(PR_SET_CHILD_SUBREAPER, 1);
#endif
	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_sigchld;
	sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;
	sigaction(SIGCHLD, &sa, &sc->old_chld);
	sa.sa_sigaction = on_interrupt;
	sa.sa_flags = SA_RESTART | SA_SIGINFO;
	sigaction(SIGINT, &sa, &sc->old_int);
	sigaction(SIGTERM, &sa, &sc->old_term);
	sigaction(SIGHUP, &sa, &sc->old_hup);	/* the terminal went away */
	sc->last_wake = 0;
	return 0;
}

/* Start cases in the free slots while there are any. */
static int fill_slots(struct scheduler *sc)
{
	while (sc->active < sc->nslots && sc->next < sc->n && !runner_interrupted) {
		struct case_entry *c = sc->cases[sc->next];
		int i;
		for (i = 0; i < sc->nslots && sc->slots[i].pid; i++)
			;
		if (sc->hooks->started)
			sc->hooks->started(c, sc->hooks->ctx);
		if (start_case(&sc->slots[i], c, sc->o, sc->workdir, sc->serial++,
			       sc->devnull) < 0) {
			fprintf(stderr, "mmapcts: cannot start %s: %s\n", c->id, strerror(errno));
			return -1;
		}
		sc->next++;
		sc->active++;
	}
	return 0;
}

/*
 * A poll() that came back much later than it was asked to: the runner was
 * stopped (SIGSTOP, a suspended machine) while its cases could not make
 * progress either (a full output pipe).  That time is no case's: every
 * running case's limit moves by it.  CLOCK_MONOTONIC counts the stop.
 */
static void forgive_stopped_time(struct scheduler *sc)
{
	double late = now_seconds() - sc->last_wake;

	if (late <= STOPPED_GAP)
		return;
	for (int i = 0; i < sc->nslots; i++) {
		struct slot *s = &sc->slots[i];
		if (s->pid && !s->exited) {
			s->deadline += late;
			s->kill_at += late;
		}
	}
}

/* Sleep in poll() until output, a child's exit or the next deadline; then
 * take in the output and the exits. */
static int wait_for_events(struct scheduler *sc)
{
	double now = now_seconds(), wake = now + 1.0;
	char junk[64];
	int np = 0;

	sc->pfds[np].fd = sigchld_pipe[0];
	sc->pfds[np++].events = POLLIN;
	for (int i = 0; i < sc->nslots; i++) {
		const struct slot *s = &sc->slots[i];
		if (!s->pid)
			continue;
		double t = s->term_sent ? s->kill_at : s->deadline;
		if (!s->kill_sent && t < wake)
			wake = t;
		if (s->out_fd >= 0) {
			sc->pfds[np].fd = s->out_fd;
			sc->pfds[np++].events = POLLIN;
		}
	}
	int ms = wake > now ? (int)((wake - now) * 1000) + 1 : 0;
	if (poll(sc->pfds, (nfds_t)np, ms) < 0 && errno != EINTR) {
		fprintf(stderr, "mmapcts: poll: %s\n", strerror(errno));
		return -1;
	}
	sc->last_wake = now + ms / 1000.0;
	forgive_stopped_time(sc);
	take_interrupts(sc->slots, sc->nslots);	/* before the senders are reaped */
	while (read(sigchld_pipe[0], junk, sizeof(junk)) > 0)
		;
	for (int i = 0; i < sc->nslots; i++)
		if (sc->slots[i].pid)
			drain(&sc->slots[i]);
	reap(sc->slots, sc->nslots);
	return 0;
}

/* Finish the cases that exited; SIGTERM, then SIGKILL, those out of time. */
static void check_slots(struct scheduler *sc)
{
	double now = now_seconds();

	for (int i = 0; i < sc->nslots; i++) {
		struct slot *s = &sc->slots[i];
		if (!s->pid)
			continue;
		if (s->exited) {
			finish(s, sc->slots, sc->nslots, sc->hooks, sc->workdir);
			sc->active--;
		} else if (!s->term_sent && now >= s->deadline) {
			s->timed_out = 1;
			s->term_sent = 1;
			s->kill_at = now + TERM_GRACE;
			kill(-s->pid, SIGTERM);
		} else if (s->term_sent && !s->kill_sent && now >= s->kill_at) {
			s->kill_sent = 1;
			kill(-s->pid, SIGKILL);
		}
	}
}

/* Interrupted or broken: take every running case down, and every orphan. */
static void stop_everything(struct scheduler *sc)
{
	for (int i = 0; i < sc->nslots; i++) {
		struct slot *s = &sc->slots[i];
		if (s->pid) {
			kill(-s->pid, SIGKILL);
			waitpid(s->pid, NULL, 0);
			chmod(sc->workdir, 0700);
			if (s->out_fd >= 0)
				close(s->out_fd);
			unlink(s->result_path);
			remove_tree(s->tmp);
			result_free(s->r);
			s->pid = 0;
		}
	}
	kill_all_orphans(sc->slots, sc->nslots);
}

static void scheduler_teardown(struct scheduler *sc)
{
	sigaction(SIGCHLD, &sc->old_chld, NULL);
	sigaction(SIGINT, &sc->old_int, NULL);
	sigaction(SIGTERM, &sc->old_term, NULL);
	sigaction(SIGHUP, &sc->old_hup, NULL);
	close(sigchld_pipe[0]);
	close(sigchld_pipe[1]);
	close(sc->devnull);
	chmod(sc->workdir, 0700);
	remove_tree(sc->workdir);
	if (sc->lock_fd >= 0)
		close(sc->lock_fd);
}

int run_cases(struct case_entry **cases, size_t n, const struct options *o,
	      const struct run_hooks *hooks)
{
	struct scheduler sc = { .cases = cases, .n = n, .o = o, .hooks = hooks };
	int ret = 0;

	sc.nslots = o->jobs < 1 ? 1 : o->jobs;
	sc.slots = xcalloc((size_t)sc.nslots, sizeof(*sc.slots));
	sc.pfds = xcalloc((size_t)sc.nslots + 1, sizeof(*sc.pfds));
	if (scheduler_setup(&sc) < 0) {
		free(sc.slots);
		free(sc.pfds);
		return -1;
	}
	while ((sc.next < n || sc.active > 0) && !runner_interrupted && !ret) {
		ret = fill_slots(&sc);
		if (!ret)
			ret = wait_for_events(&sc);
		if (!ret)
			check_slots(&sc);
	}
	stop_everything(&sc);
	scheduler_teardown(&sc);
	free(sc.slots);
	free(sc.pfds);
	if (runner_interrupted && ret == 0)
		ret = 1;
	return ret;
}

/* ------------------------------------------------------------------------
 * A program's --describe, run as a case is: isolated, in a directory of
 * its own, for a limited time; whatever it leaves behind is killed.
 * ------------------------------------------------------------------------ */
static void subreaper(void)
{
#if defined(HAVE_SYS_PRCTL_H) && defined(PR_SET_CHILD_SUBREAPER)
	prctl(PR_SET_CHILD_SUBREAPER, 1);
#endif
}

/* Wait for pid until the deadline; 1 when it exited (status set). */
static int wait_until(pid_t pid, double deadline, int *status)
{
	for (;;) {
		pid_t got = waitpid(pid, status, WNOHANG);
		if (got == pid)
			return 1;
		if (got < 0 || now_seconds() >= deadline)
			return 0;
		poll(NULL, 0, 10);	/* no SIGCHLD pipe here: look again soon */
	}
}

int run_isolated(char *const argv[], double limit, struct buf *out, int *timed_out)
{
	char dir[1024];
	int fds[2], status = -1, devnull, lock;
	double deadline = now_seconds() + limit;
	pid_t self = getpid(), pid;

	*timed_out = 0;
	subreaper();
	/* A work directory like a run's, locked, so that a runner killed
	 * meanwhile leaves one the next start removes. */
	snprintf(dir, sizeof(dir), "%s/mmapcts-run.describe.XXXXXX", tmp_base());
	if (!mkdtemp(dir))
		return -1;
	lock = lock_dir(dir);
	devnull = open("/dev/null", O_RDWR | O_CLOEXEC);
	if (lock < 0 || devnull < 0 || pipe(fds) < 0) {
		if (devnull >= 0)
			close(devnull);
		remove_tree(dir);
		if (lock >= 0)
			close(lock);
		return -1;
	}
	set_cloexec_nonblock(fds[0], 1);
	pid = fork();
	if (pid == 0) {
		if (child_isolate(self) < 0 || dup2(devnull, 0) < 0 || dup2(fds[1], 1) < 0 ||
		    dup2(devnull, 2) < 0 || chdir(dir) < 0)
			_exit(MMAPCTS_EXIT_HARD_ERROR);
		execv(argv[0], argv);
		_exit(127);
	}
	close(fds[1]);
	if (pid > 0) {
		setpgid(pid, pid);
		for (;;) {
			char chunk[4096];
			double left = deadline - now_seconds();
			struct pollfd pfd = { fds[0], POLLIN, 0 };
			if (left <= 0)
				break;
			if (poll(&pfd, 1, (int)(left * 1000) + 1) <= 0)
				continue;
			ssize_t n = read(fds[0], chunk, sizeof(chunk));
			if (n > 0 && out->len < 65536)
				buf_add(out, chunk, (size_t)n);
			else if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN))
				break;
		}
		if (!wait_until(pid, deadline, &status)) {
			*timed_out = 1;
			kill(-pid, SIGKILL);
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
		}
		kill(-pid, SIGKILL);	/* what it left in its group */
		kill_all_orphans(NULL, 0);
	}
	close(fds[0]);
	close(devnull);
	chmod(dir, 0700);
	remove_tree(dir);
	close(lock);
	return pid < 0 ? -1 : status;
}
