/*
 * unit.h - what the unit tests of lib/ share (check_lib.c, check_code.c).
 *
 * Most of the library ends the process (a failing CHECK_*, SAFE_*, FAIL(),
 * UNSUPPORTED()), so a test runs a small function in a child of its own
 * with run_captured(): the child becomes a case process (mmapcts_init()),
 * runs the function, and ends with mmapcts_exit(PASS) if it returns; the
 * test reads its exit status, stdout, stderr and, when asked, the result
 * channel.  A check that fails says where with `file:line:`; the line of
 * the check under test is recorded by MARK() in a page shared with the
 * test (line_mark, which main() maps), so expectations never hard-code line
 * numbers.  main() also sets prog (argv[0]) and me (this file as messages
 * name it, mmapcts_source_name(__FILE__)).
 */
#ifndef MMAPCTS_UNIT_H
#define MMAPCTS_UNIT_H

#include "mmapcts.h"
#include "internal.h"

#include <check.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

/* lib/case.c refers to the case's metadata; each test program has its own. */
#define UNIT_TEST_METADATA(what)                                               \
	const struct mmapcts_case mmapcts_case = {                             \
		.assertion = (what), .spec = "-", .profile = "posix",          \
		.run = NULL, .source = __FILE__,                               \
	}

static const char *prog;		/* argv[0] */
static const char *me;			/* this file, as messages name it */
static volatile int *line_mark;		/* shared with every child: see MARK() */

/* Record the line of the check that follows on the same line. */
#define MARK() (*line_mark = __LINE__)

/* ------------------------------------------------------------------------
 * Running library code that ends the process.
 * ------------------------------------------------------------------------ */
#define RETURNED "<returned>\n"	/* what run_captured() prints when fn returns */
#define WITH_RESULT_FD 1

struct outcome {
	int status;		/* wait status */
	char out[8192], err[8192], res[8192];
};

static inline void run_captured(void (*fn)(void *), void *arg, int flags, struct outcome *o)
{
	int out[2], err[2], res[2];
	char *bufs[3] = { o->out, o->err, o->res };
	size_t lens[3] = { 0, 0, 0 }, cap = sizeof(o->out);
	struct pollfd pf[3];
	int open_fds = 3;
	pid_t pid;

	memset(o, 0, sizeof(*o));
	*line_mark = 0;
	ck_assert_int_eq(pipe(out), 0);
	ck_assert_int_eq(pipe(err), 0);
	ck_assert_int_eq(pipe(res), 0);
	fflush(NULL);
	pid = fork();
	ck_assert_int_ne(pid, -1);
	if (pid == 0) {
		close(out[0]);
		close(err[0]);
		close(res[0]);
		if (dup2(out[1], STDOUT_FILENO) < 0 || dup2(err[1], STDERR_FILENO) < 0)
			_exit(125);
		close(out[1]);
		close(err[1]);
		if (flags & WITH_RESULT_FD) {
			char n[16];

			snprintf(n, sizeof(n), "%d", res[1]);
			setenv(MMAPCTS_RESULT_FD_ENV, n, 1);
		} else {
			close(res[1]);
			unsetenv(MMAPCTS_RESULT_FD_ENV);
		}
		unsetenv("MMAPCTS_CASE_PID");	/* this child is now the case's process */
		mmapcts_init(prog);
		setvbuf(stdout, NULL, _IOLBF, 0);	/* as mmapcts_main() does */
		fn(arg);
		fputs(RETURNED, stdout);
		mmapcts_exit(VERDICT_PASS);
	}
	close(out[1]);
	close(err[1]);
	close(res[1]);
	pf[0].fd = out[0];
	pf[1].fd = err[0];
	pf[2].fd = res[0];
	for (int i = 0; i < 3; i++)
		pf[i].events = POLLIN;
	while (open_fds > 0) {
		if (poll(pf, 3, -1) < 0) {
			ck_assert_int_eq(errno, EINTR);
			continue;
		}
		for (int i = 0; i < 3; i++) {
			char sink[512];
			ssize_t n;

			if (pf[i].fd < 0 || !pf[i].revents)
				continue;
			if (lens[i] < cap - 1)
				n = read(pf[i].fd, bufs[i] + lens[i], cap - 1 - lens[i]);
			else
				n = read(pf[i].fd, sink, sizeof(sink));
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0) {
				close(pf[i].fd);
				pf[i].fd = -1;
				open_fds--;
			} else if (lens[i] < cap - 1) {
				lens[i] += (size_t)n;
			}
		}
	}
	while (waitpid(pid, &o->status, 0) < 0)
		ck_assert_int_eq(errno, EINTR);
	/* Built with --enable-sanitizers, a child's report lands here. */
	ck_assert_msg(!strstr(o->err, "runtime error:") && !strstr(o->err, "Sanitizer"),
		      "a sanitizer reported in the child:\n%s", o->err);
}

static inline const char *status_string(int status)
{
	static char buf[64];

	if (WIFEXITED(status))
		snprintf(buf, sizeof(buf), "exit status %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(buf, sizeof(buf), "killed by %s", signal_name(WTERMSIG(status)));
	else
		snprintf(buf, sizeof(buf), "wait status %#x", (unsigned)status);
	return buf;
}

#define EXPECT_EXIT(o, code)                                                   \
	ck_assert_msg(WIFEXITED((o)->status) && WEXITSTATUS((o)->status) == (code), \
		      "expected exit status %d, got %s; stderr:\n%s", (code),   \
		      status_string((o)->status), (o)->err)
#define EXPECT_IN(hay, needle)                                                 \
	ck_assert_msg(strstr((hay), (needle)) != NULL,                         \
		      "expected \"%s\" in:\n%s", (needle), (hay))
#define EXPECT_NOT_IN(hay, needle)                                             \
	ck_assert_msg(strstr((hay), (needle)) == NULL,                         \
		      "did not expect \"%s\" in:\n%s", (needle), (hay))
/* The child returned from its function: every check in it passed. */
#define EXPECT_RETURNED(o)                                                     \
	do {                                                                   \
		EXPECT_EXIT(o, 0);                                             \
		EXPECT_IN((o)->out, RETURNED);                                 \
		ck_assert_msg((o)->err[0] == '\0', "unexpected stderr:\n%s",   \
			      (o)->err);                                       \
	} while (0)

/* The child wrote text on stdout or stderr. */
static inline int said(const struct outcome *o, const char *text)
{
	return strstr(o->out, text) || strstr(o->err, text);
}
#define EXPECT_SAID(o, text)                                                   \
	ck_assert_msg(said((o), (text)), "expected \"%s\" in:\n%s%s", (text),     \
		      (o)->out, (o)->err)

/* "<this file>:<marked line>: VERDICT: text", and "\n" for a whole line. */
static inline const char *ending(const char *verdict, const char *text, int whole)
{
	static char buf[1024];

	ck_assert_msg(*line_mark > 0, "the child never reached its MARK()");
	snprintf(buf, sizeof(buf), "%s:%d: %s: %s%s", me, *line_mark, verdict, text,
		 whole ? "\n" : "");
	return buf;
}

/* Ended with this exit status and printed this message for the marked line. */
#define EXPECT_END(o, code, verdict, text)                                     \
	do {                                                                   \
		EXPECT_EXIT(o, code);                                          \
		EXPECT_IN((o)->err, ending((verdict), (text), 1));             \
	} while (0)
/* ... a message that starts so. */
#define EXPECT_END_START(o, code, verdict, text)                               \
	do {                                                                   \
		EXPECT_EXIT(o, code);                                          \
		EXPECT_IN((o)->err, ending((verdict), (text), 0));             \
	} while (0)

/* A fresh mapping for a test; the tests' own setup, asserted with check. */
static inline void *map_anon(size_t len, int prot)
{
	void *p = mmap(NULL, len, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	ck_assert_ptr_ne(p, MAP_FAILED);
	return p;
}

#endif /* MMAPCTS_UNIT_H */
