/*
 * check_harness.c - unit tests of the runner's parts (the harness/ sources), each
 * driven alone through harness.h, with check in fork mode.
 *
 * Every file a test writes goes into one temporary directory that main()
 * makes before the run and removes after it, whatever the tests did.  Where
 * a file must be valid JSON or well-formed XML, Python's own parsers judge
 * it (/usr/bin/python3), and print what they read for an exact comparison.
 */
#include "../harness.h"
#include "../faults/faults.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/mount.h>
#endif

#include "../../lib/tree.h"

#define PYTHON "/usr/bin/python3"

/* Made by main() before the run, removed by main() after it. */
static char workdir[1024];

/* ------------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------------ */

/* s (n bytes) with all but printable ASCII as \xNN, for failure messages. */
static const char *show(int slot, const char *s, size_t n)
{
	static char out[2][4096];
	char *o = out[slot];
	size_t k = 0;

	if (!s)
		return "(null)";
	for (size_t i = 0; i < n && k + 5 < sizeof(out[0]); i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7f && c != '\\')
			o[k++] = (char)c;
		else
			k += (size_t)snprintf(o + k, sizeof(out[0]) - k, "\\x%02x", c);
	}
	o[k] = '\0';
	return o;
}

/* The n bytes at data are exactly the string literal want. */
#define EXPECT_BYTES(data, n, want)                                                   \
	do {                                                                          \
		const char *d_ = (data);                                              \
		size_t n_ = (n);                                                      \
		ck_assert_msg(d_ && n_ == sizeof(want) - 1 && !memcmp(d_, want, n_),  \
			      "got \"%s\", want \"%s\"", show(0, d_, n_),             \
			      show(1, want, sizeof(want) - 1));                       \
	} while (0)

/* A string holds a part, with both in the message when it does not. */
#define EXPECT_CONTAINS(s, part)                                                      \
	do {                                                                          \
		const char *s_ = (s), *p_ = (part);                                   \
		ck_assert_msg(s_ && strstr(s_, p_), "\"%s\" does not contain \"%s\"", \
			      show(0, s_, s_ ? strlen(s_) : 0), show(1, p_, strlen(p_)));    \
	} while (0)

/* An error message is one line: not empty, no newline. */
#define EXPECT_ONE_LINE(s)                                                            \
	ck_assert_msg((s)[0] && !strchr((s), '\n'), "not one line: \"%s\"",          \
		      show(0, (s), strlen(s)))

/* A fresh directory for this test, inside workdir. */
static void test_dir(char *out, size_t size)
{
	snprintf(out, size, "%s/t.XXXXXX", workdir);
	ck_assert_msg(mkdtemp(out) != NULL, "mkdtemp %s: %s", out, strerror(errno));
}

static void path_in(char *out, size_t size, const char *dir, const char *name)
{
	int n = snprintf(out, size, "%s/%s", dir, name);
	ck_assert(n > 0 && (size_t)n < size);
}

static void write_file(const char *path, const char *data, size_t n)
{
	FILE *f = fopen(path, "wb");

	ck_assert_msg(f != NULL, "%s: %s", path, strerror(errno));
	ck_assert_uint_eq(fwrite(data, 1, n, f), n);
	ck_assert_int_eq(fclose(f), 0);
}

static void write_str(const char *path, const char *text)
{
	write_file(path, text, strlen(text));
}

/* The whole file into b (always NUL-terminated). */
static void read_file(const char *path, struct buf *b)
{
	char chunk[8192];
	size_t n;
	FILE *f = fopen(path, "rb");

	ck_assert_msg(f != NULL, "%s: %s", path, strerror(errno));
	buf_puts(b, "");
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(b, chunk, n);
	fclose(f);
}

/* Read the whole stream from a pipe into b; returns pclose()'s status. */
static int read_pipe(FILE *p, struct buf *b)
{
	char chunk[4096];
	size_t n;

	buf_puts(b, "");
	while ((n = fread(chunk, 1, sizeof(chunk), p)) > 0)
		buf_add(b, chunk, n);
	return pclose(p);
}

/* Run a Python script (its text) on a file; what it prints goes in out.
 * Returns its exit status, -1 if it did not exit. */
static int python(const char *dir, const char *script, const char *file, struct buf *out)
{
	char spath[4200], cmd[9000];
	FILE *p;
	int status;

	path_in(spath, sizeof(spath), dir, "script.py");
	write_file(spath, script, strlen(script));
	snprintf(cmd, sizeof(cmd), PYTHON " -I -S '%s' '%s' 2>&1", spath, file);
	p = popen(cmd, "r");
	ck_assert_msg(p != NULL, "popen: %s", strerror(errno));
	status = read_pipe(p, out);
	return status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Does the file parse as JSON?  Python's json module decides (and says
 * why not on stderr, unless quiet). */
static int json_parses(const char *file, int quiet)
{
	char cmd[4400];
	int status;

	snprintf(cmd, sizeof(cmd),
		 PYTHON " -c 'import json,sys; json.load(open(sys.argv[1]))' '%s'%s", file,
		 quiet ? " 2>/dev/null" : "");
	status = system(cmd);
	return status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

static void remove_workdir(const char *path)
{
	nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static size_t open_fd_count(void)
{
	size_t n = 0;

	for (int fd = 0; fd < 1024; fd++)
		n += fcntl(fd, F_GETFD) != -1;
	return n;
}

/* The wait status of a child that exits with code. */
static int exit_status(int code)
{
	int status;
	pid_t pid = fork();

	ck_assert_int_ge(pid, 0);
	if (pid == 0)
		_exit(code);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == code);
	return status;
}

/* The wait status of a child killed by sig (no core file left behind). */
static int signal_status(int sig)
{
	int status;
	pid_t pid = fork();

	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		struct rlimit no_core = { 0, 0 };
		sigset_t set;

		setrlimit(RLIMIT_CORE, &no_core);
		signal(sig, SIG_DFL);	/* also over a sanitizer's handler */
		sigemptyset(&set);
		sigaddset(&set, sig);
		sigprocmask(SIG_UNBLOCK, &set, NULL);
		raise(sig);
		_exit(120);
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_msg(WIFSIGNALED(status) && WTERMSIG(status) == sig,
		      "child status 0x%x, wanted death by signal %d", status, sig);
	return status;
}

/* ------------------------------------------------------------------------
 * classify()
 * ------------------------------------------------------------------------ */

/* classify() of a wait status, a time-out flag and a result-channel text. */
static struct result *classified(int status, int timed_out, const char *report_text)
{
	struct report rep;
	struct result *r = xcalloc(1, sizeof(*r));

	report_parse(&rep, report_text, strlen(report_text));
	classify(r, status, timed_out, &rep);
	report_free(&rep);
	return r;
}

#define EXPECT_CLASSIFIED(r, out, code, sig, msg)                                     \
	do {                                                                          \
		ck_assert_str_eq(outcome_name((r)->outcome), outcome_name(out));      \
		ck_assert_int_eq((r)->exit_code, code);                               \
		ck_assert_int_eq((r)->signal, sig);                                   \
		const char *m_ = (msg);                                               \
		if (m_)                                                               \
			ck_assert_str_eq((r)->message, m_);                           \
		else                                                                  \
			ck_assert_ptr_null((r)->message);                             \
	} while (0)

/* What classify() says of a verdict that came with no message and no output. */
#define NOTHING_SAID                                                           \
	" without a message or any output (the runner could not set up its "   \
	"process, or the case lost its result channel)"

START_TEST(classify_exit_0_is_pass)
{
	struct result *r = classified(exit_status(0), 0, "");
	EXPECT_CLASSIFIED(r, OUT_PASS, 0, 0, NULL);
	result_free(r);

	r = classified(exit_status(0), 0, "observe\tx=1\nverdict\tPASS\n");
	EXPECT_CLASSIFIED(r, OUT_PASS, 0, 0, NULL);
	result_free(r);
}
END_TEST

START_TEST(classify_exit_1_is_fail)
{
	struct result *r = classified(exit_status(1), 0, "verdict\tFAIL\n");
	EXPECT_CLASSIFIED(r, OUT_FAIL, 1, 0, "FAIL (exit status 1)" NOTHING_SAID);
	result_free(r);

	r = classified(exit_status(1), 0,
		       "message\tFAIL\tcases/anon/x.c:12: p[0] == 0: got 7\nverdict\tFAIL\n");
	EXPECT_CLASSIFIED(r, OUT_FAIL, 1, 0, "cases/anon/x.c:12: p[0] == 0: got 7");
	result_free(r);
}
END_TEST

START_TEST(classify_exit_77_is_unsupported)
{
	struct result *r = classified(exit_status(77), 0, "");
	EXPECT_CLASSIFIED(r, OUT_UNSUPPORTED, 77, 0,
			  "UNSUPPORTED (exit status 77)" NOTHING_SAID);
	result_free(r);

	r = classified(exit_status(77), 0,
		       "message\tUNSUPPORTED\tcases/x.c:3: no memfd_create\n"
		       "verdict\tUNSUPPORTED\n");
	EXPECT_CLASSIFIED(r, OUT_UNSUPPORTED, 77, 0, "cases/x.c:3: no memfd_create");
	result_free(r);
}
END_TEST

START_TEST(classify_exit_77_with_untested_is_untested)
{
	struct result *r = classified(exit_status(77), 0, "verdict\tUNTESTED\n");
	EXPECT_CLASSIFIED(r, OUT_UNTESTED, 77, 0, "UNTESTED (exit status 77)" NOTHING_SAID);
	result_free(r);

	r = classified(exit_status(77), 0,
		       "message\tUNTESTED\tcases/x.c:9: cannot tell here\nverdict\tUNTESTED\n");
	EXPECT_CLASSIFIED(r, OUT_UNTESTED, 77, 0, "cases/x.c:9: cannot tell here");
	result_free(r);
}
END_TEST

START_TEST(classify_exit_99_is_unresolved)
{
	struct result *r = classified(exit_status(99), 0, "");
	EXPECT_CLASSIFIED(r, OUT_UNRESOLVED, 99, 0,
			  "UNRESOLVED (exit status 99)" NOTHING_SAID);
	result_free(r);

	r = classified(exit_status(99), 0,
		       "message\tUNRESOLVED\tcases/x.c:5: open: EMFILE\nverdict\tUNRESOLVED\n");
	EXPECT_CLASSIFIED(r, OUT_UNRESOLVED, 99, 0, "cases/x.c:5: open: EMFILE");
	result_free(r);
}
END_TEST

START_TEST(classify_unexplained_verdict_quotes_the_output)
{
	struct report rep;
	struct result *r = xcalloc(1, sizeof(*r));

	r->output.cap = 4096;
	capture_add(&r->output, "x.c:5: UNRESOLVED: open(f): EMFILE\n\n", 36);
	report_parse(&rep, "", 0);
	classify(r, exit_status(99), 0, &rep);
	ck_assert_str_eq(r->message, "UNRESOLVED (exit status 99) without a message; its "
			 "last output line: x.c:5: UNRESOLVED: open(f): EMFILE");
	report_free(&rep);
	result_free(r);
}
END_TEST

START_TEST(classify_other_exit_is_fail_without_verdict)
{
	static const int codes[] = { 2, 3, 42, 76, 78, 98, 100, 255 };

	for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		char want[128];
		struct result *r = classified(exit_status(codes[i]), 0, "");

		snprintf(want, sizeof(want), "exited with status %d, which is no verdict", codes[i]);
		EXPECT_CLASSIFIED(r, OUT_FAIL, codes[i], 0, want);
		result_free(r);
	}
	/* Even when the case claimed PASS, and with what it last said. */
	struct result *r = classified(exit_status(3), 0,
				      "message\tFAIL\tx.c:1: last words\nverdict\tPASS\n");
	EXPECT_CLASSIFIED(r, OUT_FAIL, 3, 0,
			  "exited with status 3, which is no verdict; last message: x.c:1: last words");
	result_free(r);
}
END_TEST

START_TEST(classify_signal_is_crash)
{
	static const struct {
		int sig;
		const char *name;
	} sigs[] = {
		{ SIGSEGV, "SIGSEGV" }, { SIGBUS, "SIGBUS" }, { SIGABRT, "SIGABRT" },
		{ SIGKILL, "SIGKILL" }, { SIGFPE, "SIGFPE" }, { SIGTERM, "SIGTERM" },
	};

	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		char want[128];
		struct result *r = classified(signal_status(sigs[i].sig), 0, "verdict\tPASS\n");

		snprintf(want, sizeof(want), "killed by %s", sigs[i].name);
		EXPECT_CLASSIFIED(r, OUT_CRASH, -1, sigs[i].sig, want);
		result_free(r);
	}
	struct result *r = classified(signal_status(SIGABRT), 0,
				      "message\tFAIL\tx.c:9: about to abort\n");
	EXPECT_CLASSIFIED(r, OUT_CRASH, -1, SIGABRT,
			  "killed by SIGABRT; last message: x.c:9: about to abort");
	result_free(r);
}
END_TEST

#ifdef SIGRTMIN
START_TEST(classify_unnamed_signal_is_crash_with_number)
{
	int sig = SIGRTMIN + 1;
	char want[64];
	struct result *r = classified(signal_status(sig), 0, "");

	snprintf(want, sizeof(want), "killed by signal %d", sig);
	EXPECT_CLASSIFIED(r, OUT_CRASH, -1, sig, want);
	result_free(r);
}
END_TEST
#endif

START_TEST(classify_timed_out_is_timeout)
{
	/* Killed by the runner's SIGTERM/SIGKILL: TIMEOUT, not CRASH. */
	struct result *r = classified(signal_status(SIGTERM), 1, "");
	EXPECT_CLASSIFIED(r, OUT_TIMEOUT, -1, SIGTERM, "no verdict within the time limit");
	result_free(r);

	r = classified(signal_status(SIGKILL), 1, "message\tFAIL\tx.c:2: still waiting\n");
	EXPECT_CLASSIFIED(r, OUT_TIMEOUT, -1, SIGKILL,
			  "no verdict within the time limit; last message: x.c:2: still waiting");
	result_free(r);

	/* Exited by itself, but after the deadline. */
	r = classified(exit_status(0), 1, "verdict\tPASS\n");
	EXPECT_CLASSIFIED(r, OUT_TIMEOUT, 0, 0, "no verdict within the time limit");
	result_free(r);
}
END_TEST

START_TEST(classify_exit_and_verdict_must_agree)
{
	static const struct {
		int code;
		const char *verdict;
		enum outcome out;
	} cases[] = {
		{ 0, "FAIL", OUT_FAIL },      { 1, "PASS", OUT_FAIL },
		{ 77, "PASS", OUT_FAIL },     { 77, "FAIL", OUT_FAIL },
		{ 99, "UNTESTED", OUT_FAIL }, { 0, "BOGUS", OUT_FAIL },
		{ 0, "pass", OUT_FAIL },      { 99, "PASS", OUT_FAIL },
		/* agreement */
		{ 0, "PASS", OUT_PASS },      { 1, "FAIL", OUT_FAIL },
		{ 77, "UNSUPPORTED", OUT_UNSUPPORTED }, { 77, "UNTESTED", OUT_UNTESTED },
		{ 99, "UNRESOLVED", OUT_UNRESOLVED },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char text[64], want[128];
		struct result *r;

		snprintf(text, sizeof(text), "verdict\t%s\n", cases[i].verdict);
		r = classified(exit_status(cases[i].code), 0, text);
		ck_assert_msg(r->outcome == cases[i].out, "exit %d, verdict %s: %s, want %s",
			      cases[i].code, cases[i].verdict, outcome_name(r->outcome),
			      outcome_name(cases[i].out));
		ck_assert_int_eq(r->exit_code, cases[i].code);
		if (i < 8) {
			snprintf(want, sizeof(want),
				 "exit status %d disagrees with the reported verdict %s",
				 cases[i].code, cases[i].verdict);
			ck_assert_str_eq(r->message, want);
		}
		result_free(r);
	}
	struct result *r = classified(exit_status(0), 0,
				      "message\tFAIL\tx.c:4: want 1, got 2\nverdict\tFAIL\n");
	EXPECT_CLASSIFIED(r, OUT_FAIL, 0, 0,
			  "exit status 0 disagrees with the reported verdict FAIL; "
			  "message: x.c:4: want 1, got 2");
	result_free(r);
}
END_TEST

START_TEST(classify_takes_first_message_line)
{
	struct result *r = classified(exit_status(1), 0,
				      "observe\tsize=4096\n"
				      "message\tFAIL\tcases/a.c:10: first\n"
				      "message\tFAIL\tcases/a.c:11: second\n"
				      "verdict\tFAIL\n");
	EXPECT_CLASSIFIED(r, OUT_FAIL, 1, 0, "cases/a.c:10: first");
	result_free(r);
	/* A PASS keeps what it said too. */
	r = classified(exit_status(0), 0, "message\tPASS\tnote: slow\n");
	EXPECT_CLASSIFIED(r, OUT_PASS, 0, 0, "note: slow");
	result_free(r);
}
END_TEST

START_TEST(classify_replaces_an_old_message)
{
	struct report rep;
	struct result *r = xcalloc(1, sizeof(*r));

	r->message = xstrdup("from an earlier call");
	report_parse(&rep, "", 0);
	classify(r, exit_status(0), 0, &rep);
	ck_assert_ptr_null(r->message);
	classify(r, exit_status(1), 0, &rep);
	ck_assert_str_eq(r->message, "FAIL (exit status 1)" NOTHING_SAID);
	classify(r, exit_status(99), 0, &rep);
	ck_assert_str_eq(r->message, "UNRESOLVED (exit status 99)" NOTHING_SAID);
	report_free(&rep);
	result_free(r);
	result_free(NULL);
}
END_TEST

#ifdef __linux__
START_TEST(classify_linux_status_encodings)
{
	struct result *r;

	r = classified(0 << 8, 0, "");
	EXPECT_CLASSIFIED(r, OUT_PASS, 0, 0, NULL);
	result_free(r);
	r = classified(77 << 8, 0, "verdict\tUNTESTED\n");
	ck_assert_int_eq(r->outcome, OUT_UNTESTED);
	result_free(r);
	r = classified(3 << 8, 0, "");
	EXPECT_CLASSIFIED(r, OUT_FAIL, 3, 0, "exited with status 3, which is no verdict");
	result_free(r);
	r = classified(SIGSEGV, 0, "");
	EXPECT_CLASSIFIED(r, OUT_CRASH, -1, SIGSEGV, "killed by SIGSEGV");
	result_free(r);
	r = classified(SIGBUS | 0x80, 0, "");	/* with the core-dump bit */
	EXPECT_CLASSIFIED(r, OUT_CRASH, -1, SIGBUS, "killed by SIGBUS");
	result_free(r);
	r = classified(SIGKILL, 1, "");
	EXPECT_CLASSIFIED(r, OUT_TIMEOUT, -1, SIGKILL, "no verdict within the time limit");
	result_free(r);
}
END_TEST
#endif

START_TEST(outcome_names_and_failures)
{
	static const char *const names[OUT_COUNT] = {
		"PASS", "FAIL", "UNRESOLVED", "UNSUPPORTED", "UNTESTED", "TIMEOUT", "CRASH",
	};
	for (int o = 0; o < OUT_COUNT; o++)
		ck_assert_str_eq(outcome_name((enum outcome)o), names[o]);
	ck_assert_str_eq(outcome_name(OUT_COUNT), "?");
	ck_assert_int_eq(outcome_is_failure(OUT_PASS), 0);
	ck_assert_int_ne(outcome_is_failure(OUT_FAIL), 0);
	ck_assert_int_eq(outcome_is_failure(OUT_UNRESOLVED), 0);
	ck_assert_int_eq(outcome_is_failure(OUT_UNSUPPORTED), 0);
	ck_assert_int_eq(outcome_is_failure(OUT_UNTESTED), 0);
	ck_assert_int_ne(outcome_is_failure(OUT_TIMEOUT), 0);
	ck_assert_int_ne(outcome_is_failure(OUT_CRASH), 0);
	/* What turns the run red: the failures and UNRESOLVED, nothing else. */
	for (int o = 0; o < OUT_COUNT; o++)
		ck_assert_int_eq(outcome_turns_red((enum outcome)o),
				 outcome_is_failure((enum outcome)o) || o == OUT_UNRESOLVED);
	ck_assert_int_eq(outcome_turns_red(OUT_COUNT), 0);
	ck_assert_str_eq(runner_signal_name(SIGSEGV), "SIGSEGV");
	ck_assert_str_eq(runner_signal_name(SIGXFSZ), "SIGXFSZ");
	ck_assert_str_eq(runner_signal_name(0), "signal 0");
}
END_TEST

/* ------------------------------------------------------------------------
 * report_parse()
 * ------------------------------------------------------------------------ */

START_TEST(report_parse_full_report)
{
	static const char text[] =
		"observe\tsize=4096\n"
		"hello, I am no protocol line\n"
		"message\tFAIL\tcases/a.c:10: first\n"
		"observe\tno-equals-sign\n"
		"observe\tpair=a=b\n"
		"verdict FAIL\n"			/* a blank, not a tab */
		"Verdict\tPASS\n"			/* upper case */
		"message\tFAIL\tcases/a.c:11: second\n"
		"\n"
		"verdicts\tPASS\n"
		"verdict\tFAIL\n"
		"observe\tlast=no newline";
	struct report r;

	report_parse(&r, text, sizeof(text) - 1);
	ck_assert_str_eq(r.verdict, "FAIL");
	ck_assert_str_eq(r.message, "cases/a.c:10: first");
	ck_assert_uint_eq(r.nobs, 3);
	ck_assert_str_eq(r.observations[0], "size=4096");
	ck_assert_str_eq(r.observations[1], "pair=a=b");
	ck_assert_str_eq(r.observations[2], "last=no newline");
	report_free(&r);
	ck_assert_uint_eq(r.nobs, 0);
	ck_assert_ptr_null(r.message);
}
END_TEST

START_TEST(report_parse_empty_report)
{
	struct report r;

	memset(&r, 0x55, sizeof(r));
	report_parse(&r, "", 0);
	ck_assert_str_eq(r.verdict, "");
	ck_assert_ptr_null(r.message);
	ck_assert_ptr_null(r.observations);
	ck_assert_uint_eq(r.nobs, 0);
	report_free(&r);

	report_parse(&r, "\n\n\n", 3);
	ck_assert_str_eq(r.verdict, "");
	ck_assert_ptr_null(r.message);
	ck_assert_uint_eq(r.nobs, 0);
	report_free(&r);
}
END_TEST

START_TEST(report_parse_reads_only_n_bytes)
{
	static const char text[] = "verdict\tPASS\nverdict\tFAIL\nmessage\tFAIL\tx\n";
	struct report r;

	report_parse(&r, text, strlen("verdict\tPASS\n"));
	ck_assert_str_eq(r.verdict, "PASS");
	ck_assert_ptr_null(r.message);
	report_free(&r);
	/* Cut inside a line: the part is the last line, without newline. */
	report_parse(&r, text, strlen("verdict\tPASS\nverdict\tFA"));
	ck_assert_str_eq(r.verdict, "FA");
	report_free(&r);
}
END_TEST

/* The channel's file read with a cap: the first observations, the first
 * message and the last verdict wherever they are; no line past the cap
 * grows the memory. */
START_TEST(report_read_caps_the_channel)
{
	char dir[4096], path[4200];
	struct buf text = { 0 };
	struct report r;
	int fd;

	test_dir(dir, sizeof(dir));
	path_in(path, sizeof(path), dir, "channel");
	for (int i = 0; i < 1000; i++)
		buf_printf(&text, "observe\tk%04d=%0100d\n", i, i);
	buf_puts(&text, "message\tFAIL\tx.c:1: after the flood\n");
	for (int i = 0; i < 20000; i++)		/* one line longer than the cap */
		buf_puts(&text, "y");
	buf_puts(&text, "\nverdict\tFAIL\nobserve\tlate=1");
	write_file(path, text.data, text.len);

	fd = open(path, O_RDONLY);
	ck_assert_int_ge(fd, 0);
	report_read(&r, fd, 4096);
	close(fd);
	ck_assert_uint_eq(r.bytes, text.len);
	ck_assert_int_eq(r.truncated, 1);
	ck_assert_str_eq(r.verdict, "FAIL");
	ck_assert_str_eq(r.message, "x.c:1: after the flood");
	ck_assert_uint_gt(r.nobs, 30);
	ck_assert_uint_lt(r.nobs, 4096 / 100);
	ck_assert_str_eq(r.observations[0], "k0000=" "0000000000000000000000000000000000000000"
			 "000000000000000000000000000000000000000000000000000000000000");
	report_free(&r);

	/* Under the cap: all of it, as report_parse() reads it. */
	fd = open(path, O_RDONLY);
	report_read(&r, fd, text.len + 1);
	close(fd);
	ck_assert_int_eq(r.truncated, 0);
	ck_assert_uint_eq(r.nobs, 1001);
	ck_assert_str_eq(r.observations[1000], "late=1");
	report_free(&r);

	/* No channel at all. */
	report_read(&r, -1, 4096);
	ck_assert_uint_eq(r.bytes, 0);
	ck_assert_str_eq(r.verdict, "");
	ck_assert_int_eq(r.truncated, 0);
	report_free(&r);
	buf_free(&text);
}
END_TEST

START_TEST(report_parse_message_forms)
{
	struct report r;
	static const char plain[] = "message\tjust text\n";
	static const char tabs[] = "message\tFAIL\tx.c:1: a\tb\n";

	report_parse(&r, plain, sizeof(plain) - 1);
	ck_assert_str_eq(r.message, "just text");
	report_free(&r);
	report_parse(&r, tabs, sizeof(tabs) - 1);
	ck_assert_str_eq(r.message, "x.c:1: a\tb");
	report_free(&r);
}
END_TEST

/* ------------------------------------------------------------------------
 * text.c: buffers, JSON, XML, KTAP names, captured output
 * ------------------------------------------------------------------------ */

START_TEST(buf_grows_and_formats)
{
	struct buf b = { 0 };
	char big[1000];

	buf_puts(&b, "");
	ck_assert_ptr_nonnull(b.data);
	ck_assert_uint_eq(b.len, 0);
	buf_add(&b, "ab\0cd", 5);
	ck_assert_uint_eq(b.len, 5);
	ck_assert_mem_eq(b.data, "ab\0cd", 6);		/* NUL-terminated too */
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	buf_printf(&b, "[%s|%d]", big, 42);		/* past the small buffer */
	ck_assert_uint_eq(b.len, 5 + 1 + 999 + 4);
	ck_assert_str_eq(b.data + b.len - 4, "|42]");
	ck_assert_uint_ge(b.cap, b.len + 1);
	buf_free(&b);
	ck_assert_ptr_null(b.data);
	ck_assert_uint_eq(b.len, 0);
	ck_assert_uint_eq(b.cap, 0);
}
END_TEST

#define JSON_IS(in, want)                                                             \
	do {                                                                          \
		struct buf b_ = { 0 };                                                \
		json_string(&b_, in, sizeof(in) - 1);                                 \
		EXPECT_BYTES(b_.data, b_.len, want);                                  \
		buf_free(&b_);                                                        \
	} while (0)

START_TEST(json_string_escapes)
{
	JSON_IS("", "\"\"");
	JSON_IS("plain text", "\"plain text\"");
	JSON_IS("say \"hi\"", "\"say \\\"hi\\\"\"");
	JSON_IS("a\\b", "\"a\\\\b\"");
	JSON_IS("\n\r\t", "\"\\n\\r\\t\"");
	JSON_IS("\x01\x08\x0c\x1b\x1f\x7f", "\"\\u0001\\u0008\\u000c\\u001b\\u001f\\u007f\"");
	JSON_IS("a\0b", "\"a\\u0000b\"");
	JSON_IS("/ and ' stay", "\"/ and ' stay\"");
}
END_TEST

START_TEST(json_string_utf8)
{
	/* Valid UTF-8 is kept as it is: 2, 3 and 4 bytes, up to U+10FFFF. */
	JSON_IS("caf\xc3\xa9 \xe2\x82\xac \xf0\x9d\x84\x9e \xef\xbf\xbf \xf4\x8f\xbf\xbf",
		"\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9d\x84\x9e \xef\xbf\xbf \xf4\x8f\xbf\xbf\"");
	/* Each byte that is not part of a valid sequence becomes U+FFFD. */
	JSON_IS("\x80", "\"\\ufffd\"");				/* lone continuation */
	JSON_IS("a\xbf" "b", "\"a\\ufffdb\"");
	JSON_IS("\xc0\xaf", "\"\\ufffd\\ufffd\"");			/* overlong '/' */
	JSON_IS("\xc1\xbf", "\"\\ufffd\\ufffd\"");			/* overlong */
	JSON_IS("\xe0\x80\xaf", "\"\\ufffd\\ufffd\\ufffd\"");		/* overlong, 3 bytes */
	JSON_IS("\xf0\x80\x80\xaf", "\"\\ufffd\\ufffd\\ufffd\\ufffd\"");	/* overlong, 4 */
	JSON_IS("\xed\xa0\x80", "\"\\ufffd\\ufffd\\ufffd\"");		/* surrogate D800 */
	JSON_IS("\xed\xbf\xbf", "\"\\ufffd\\ufffd\\ufffd\"");		/* surrogate DFFF */
	JSON_IS("\xf4\x90\x80\x80", "\"\\ufffd\\ufffd\\ufffd\\ufffd\"");	/* > U+10FFFF */
	JSON_IS("\xe2\x82", "\"\\ufffd\\ufffd\"");			/* truncated at the end */
	JSON_IS("\xe2\x82" "x", "\"\\ufffd\\ufffdx\"");		/* truncated inside */
	JSON_IS("\xf0\x9d\x84", "\"\\ufffd\\ufffd\\ufffd\"");
	JSON_IS("\xff\xfe", "\"\\ufffd\\ufffd\"");
	JSON_IS("\xf8\x88\x80\x80\x80", "\"\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\"");
	/* Only the first n bytes count; a sequence cut by n is invalid. */
	struct buf b = { 0 };
	json_string(&b, "\xc3\xa9", 1);
	EXPECT_BYTES(b.data, b.len, "\"\\ufffd\"");
	buf_free(&b);
}
END_TEST

/* What Python reads from the JSON strings json_string() made. */
START_TEST(json_string_output_parses)
{
	static const struct {
		const char *s;
		size_t n;
	} in[] = {
		{ "q\"b\\s/", 6 }, { "\x01\n\r\t\x7f", 5 }, { "a\0b", 3 },
		{ "\xc3\xa9\xe2\x82\xac\xf0\x9d\x84\x9e", 9 }, { "\x80\xc0\xaf\xed\xa0\x80", 6 },
		{ "\xe2\x82", 2 },
	};
	char dir[4096], file[4200];
	struct buf doc = { 0 }, out = { 0 };

	test_dir(dir, sizeof(dir));
	path_in(file, sizeof(file), dir, "strings.json");
	buf_puts(&doc, "[");
	for (size_t i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
		buf_puts(&doc, i ? ", " : "");
		json_string(&doc, in[i].s, in[i].n);
	}
	buf_puts(&doc, "]\n");
	write_file(file, doc.data, doc.len);
	ck_assert_int_eq(python(dir, "import json, sys\n"
				"print(ascii(json.load(open(sys.argv[1], encoding='utf-8'))))\n",
				file, &out), 0);
	ck_assert_str_eq(out.data,
			 "['q\"b\\\\s/', '\\x01\\n\\r\\t\\x7f', 'a\\x00b', "
			 "'\\xe9\\u20ac\\U0001d11e', '\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd', "
			 "'\\ufffd\\ufffd']\n");
	buf_free(&doc);
	buf_free(&out);
}
END_TEST

#define XML_IS(in, want)                                                              \
	do {                                                                          \
		struct buf b_ = { 0 };                                                \
		xml_escape(&b_, in, sizeof(in) - 1);                                  \
		EXPECT_BYTES(b_.data ? b_.data : "", b_.len, want);                   \
		buf_free(&b_);                                                        \
	} while (0)

#define FFFD "\xef\xbf\xbd"

START_TEST(xml_escape_markup_and_controls)
{
	XML_IS("", "");
	XML_IS("plain", "plain");
	XML_IS("<a href=\"x\">&'</a>", "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
	XML_IS("]]>", "]]&gt;");
	XML_IS("a\nb", "a&#10;b");
	XML_IS("\t\r", "&#9;&#13;");
	XML_IS("\x01" "a\x1b" "b\x1f", FFFD "a" FFFD "b" FFFD);
	XML_IS("\x7f", FFFD);
	XML_IS("a\0b", "a" FFFD "b");
	XML_IS("&amp;", "&amp;amp;");
}
END_TEST

START_TEST(xml_escape_utf8)
{
	XML_IS("caf\xc3\xa9 \xe2\x82\xac \xf0\x9d\x84\x9e",
	       "caf\xc3\xa9 \xe2\x82\xac \xf0\x9d\x84\x9e");
	XML_IS("\x80", FFFD);
	XML_IS("\xc0\xaf", FFFD FFFD);
	XML_IS("\xed\xa0\x80", FFFD FFFD FFFD);
	XML_IS("\xe2\x82", FFFD FFFD);
	XML_IS("\xe2\x82<", FFFD FFFD "&lt;");
	XML_IS("\xff", FFFD);
}
END_TEST

/* U+FFFE and U+FFFF are valid UTF-8 but not XML 1.0 characters. */
START_TEST(xml_escape_noncharacters)
{
	char dir[4096], file[4200];
	struct buf doc = { 0 }, out = { 0 };
	static const char text[] = "a\xef\xbf\xbe" "b\xef\xbf\xbf" "c";

	test_dir(dir, sizeof(dir));
	path_in(file, sizeof(file), dir, "nonchar.xml");
	buf_puts(&doc, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<t a=\"");
	xml_escape(&doc, text, sizeof(text) - 1);
	buf_puts(&doc, "\">");
	xml_escape(&doc, text, sizeof(text) - 1);
	buf_puts(&doc, "</t>\n");
	write_file(file, doc.data, doc.len);
	int status = python(dir, "import sys, xml.etree.ElementTree as ET\n"
			    "try:\n"
			    "    e = ET.parse(sys.argv[1]).getroot()\n"
			    "except ET.ParseError as x:\n"
			    "    sys.exit('ParseError: %s' % x)\n"
			    "print(ascii(e.get('a')), ascii(e.text))\n", file, &out);
	ck_assert_msg(status == 0, "not well-formed XML: %s", out.data);
	ck_assert_str_eq(out.data, "'a\\ufffdb\\ufffdc' 'a\\ufffdb\\ufffdc'\n");
	XML_IS("\xef\xbf\xbe", FFFD);
	XML_IS("\xef\xbf\xbf", FFFD);
	XML_IS("\xef\xbf\xbd", FFFD);		/* U+FFFD itself is fine */
	buf_free(&doc);
	buf_free(&out);
}
END_TEST

#define KTAP_NAME_IS(in, want)                                                        \
	do {                                                                          \
		struct buf b_ = { 0 };                                                \
		ktap_name(&b_, in);                                                   \
		EXPECT_BYTES(b_.data ? b_.data : "", b_.len, want);                   \
		buf_free(&b_);                                                        \
	} while (0)

START_TEST(ktap_name_cleans)
{
	KTAP_NAME_IS("anon/zero-fill", "anon/zero-fill");
	KTAP_NAME_IS("private-file/x:shm", "private-file/x:shm");
	KTAP_NAME_IS("a#b", "a_b");
	KTAP_NAME_IS("###", "___");
	KTAP_NAME_IS("a\nb\rc", "a_b_c");
	KTAP_NAME_IS("  padded  ", "padded");
	KTAP_NAME_IS("  in  side  ", "in  side");
	KTAP_NAME_IS("   ", "");
	KTAP_NAME_IS("", "");
	KTAP_NAME_IS(" # x # ", "_ x _");
}
END_TEST

#define PRINTABLE_IS(in, n, keep, out)                                         \
	do {                                                                   \
		struct buf b_ = { 0 };                                         \
		printable_text(&b_, (in), (n), (keep));                        \
		buf_add(&b_, "", 1);                                           \
		ck_assert_str_eq(b_.data, (out));                              \
		buf_free(&b_);                                                 \
	} while (0)

START_TEST(printable_text_escapes_what_a_reader_cannot_take)
{
	PRINTABLE_IS("plain, <&> \xc3\xa9\tok", 16, 0, "plain, <&> \xc3\xa9\tok");
	PRINTABLE_IS("a\nb\rc", 5, 0, "a b c");
	PRINTABLE_IS("a\nb\rc", 5, 1, "a\nb c");
	PRINTABLE_IS("\x1b[31m\x7f", 6, 0, "\\x1b[31m\\x7f");
	PRINTABLE_IS("\xff\xc3(", 3, 0, "\\xff\\xc3(");
	PRINTABLE_IS("\xed\xa0\x80", 3, 0, "\\xed\\xa0\\x80");	/* a surrogate */
	PRINTABLE_IS("nul\0after", 9, 0, "nul\\x00after");
}
END_TEST

static const struct case_entry case_a = {
	.id = (char *)"anon/a", .program = (char *)"anon/a", .group = (char *)"anon",
	.profile = (char *)"posix", .variant = (char *)"", .needs = (char *)"",
	.spec = (char *)"POSIX mmap() MAP_ANONYMOUS", .assertion = (char *)"a \"quoted\" rule",
	.timeout = 10, .path = (char *)"/nonexistent/anon/a",
};
static const struct case_entry case_b = {
	.id = (char *)"anon/b:shm", .program = (char *)"anon/b", .group = (char *)"anon",
	.profile = (char *)"linux", .variant = (char *)"shm", .needs = (char *)"memfd_create",
	.spec = (char *)"Linux mmap(2)", .assertion = (char *)"b <holds> & 'stays'",
	.timeout = 10, .path = (char *)"/nonexistent/anon/b",
};
static const struct case_entry case_c = {
	.id = (char *)"munmap/c", .program = (char *)"munmap/c", .group = (char *)"munmap",
	.profile = (char *)"posix", .variant = (char *)"", .needs = (char *)"",
	.spec = (char *)"POSIX munmap()", .assertion = (char *)"c", .timeout = 10,
	.path = (char *)"/nonexistent/munmap/c",
};
static const struct case_entry case_hash = {
	.id = (char *)"odd/na#me", .program = (char *)"odd/na#me", .group = (char *)"odd",
	.profile = (char *)"posix", .variant = (char *)"", .needs = (char *)"",
	.spec = (char *)"", .assertion = (char *)"", .timeout = 10, .path = (char *)"x",
};

/* A result on the heap, for result_free(). */
static struct result *make_result(const struct case_entry *c, enum outcome o, int code,
				  int sig, const char *message)
{
	struct result *r = xcalloc(1, sizeof(*r));

	r->c = c;
	r->outcome = o;
	r->exit_code = code;
	r->signal = sig;
	r->message = message ? xstrdup(message) : NULL;
	r->output.cap = 65536;
	return r;
}

#define KTAP_IS(n, r, want)                                                           \
	do {                                                                          \
		struct buf b_ = { 0 };                                                \
		ktap_result(&b_, n, r);                                               \
		EXPECT_BYTES(b_.data, b_.len, want);                                  \
		buf_free(&b_);                                                        \
	} while (0)

START_TEST(ktap_result_lines)
{
	struct result *pass = make_result(&case_a, OUT_PASS, 0, 0, NULL);
	struct result *pass_msg = make_result(&case_a, OUT_PASS, 0, 0, "a note");
	struct result *fail = make_result(&case_b, OUT_FAIL, 1, 0, "x.c:3: want 1\ngot 2");
	struct result *fail_nomsg = make_result(&case_b, OUT_FAIL, 1, 0, NULL);
	struct result *unsup = make_result(&case_c, OUT_UNSUPPORTED, 77, 0, NULL);
	struct result *unsup_msg = make_result(&case_c, OUT_UNSUPPORTED, 77, 0, "no memfd");
	struct result *untested = make_result(&case_c, OUT_UNTESTED, 77, 0, NULL);
	struct result *unresolved = make_result(&case_c, OUT_UNRESOLVED, 99, 0, NULL);
	struct result *timeout = make_result(&case_a, OUT_TIMEOUT, -1, SIGKILL, "slow");
	struct result *crash = make_result(&case_hash, OUT_CRASH, -1, SIGSEGV,
					   "killed by SIGSEGV");
	struct result *unresolved_msg = make_result(&case_c, OUT_UNRESOLVED, 99, 0,
						    "x.c:9: open() failed: ENOENT");
	struct result *unresolved_long = make_result(&case_c, OUT_UNRESOLVED, 99, 0, "a\nb");
	struct result *known = make_result(&case_b, OUT_FAIL, 1, 0, "x.c:3: want 1\ngot 2");

	timeout->duration = 3.0;
	known->expected = "Linux mmap(2) BUGS\nmore evidence";
	KTAP_IS(1, pass, "ok 1 anon/a\n");
	KTAP_IS(2, pass_msg, "ok 2 anon/a\n");
	KTAP_IS(3, fail, "# anon/b:shm: x.c:3: want 1 got 2\nnot ok 3 anon/b:shm\n");
	KTAP_IS(4, fail_nomsg, "not ok 4 anon/b:shm\n");
	KTAP_IS(5, unsup, "ok 5 munmap/c # SKIP UNSUPPORTED\n");
	KTAP_IS(6, unsup_msg, "ok 6 munmap/c # SKIP no memfd\n");
	KTAP_IS(7, untested, "ok 7 munmap/c # SKIP UNTESTED\n");
	KTAP_IS(8, unresolved, "not ok 8 munmap/c # error UNRESOLVED: setup broke\n");
	KTAP_IS(9, timeout, "# anon/a: slow\nnot ok 9 anon/a # TIMEOUT 3 seconds\n");
	KTAP_IS(10, crash, "# odd/na_me: killed by SIGSEGV\nnot ok 10 odd/na_me\n");
	KTAP_IS(11, unresolved_msg, "not ok 11 munmap/c # error x.c:9: open() failed: ENOENT\n");
	KTAP_IS(12, unresolved_long, "# munmap/c: a b\nnot ok 12 munmap/c # error a\n");
	KTAP_IS(13, known, "# anon/b:shm: x.c:3: want 1 got 2\n"
			   "ok 13 anon/b:shm # XFAIL FAIL: Linux mmap(2) BUGS\n");
	result_free(pass);
	result_free(pass_msg);
	result_free(fail);
	result_free(fail_nomsg);
	result_free(unsup);
	result_free(unsup_msg);
	result_free(untested);
	result_free(unresolved);
	result_free(timeout);
	result_free(crash);
	result_free(unresolved_msg);
	result_free(unresolved_long);
	result_free(known);
}
END_TEST

START_TEST(capture_below_at_and_over_cap)
{
	struct capture c = { .cap = 10 };

	capture_add(&c, "abcd", 4);
	ck_assert_uint_eq(c.kept.len, 4);
	ck_assert_uint_eq(c.total, 4);
	ck_assert_int_eq(capture_truncated(&c), 0);
	capture_add(&c, "efghij", 6);			/* exactly at the cap */
	EXPECT_BYTES(c.kept.data, c.kept.len, "abcdefghij");
	ck_assert_uint_eq(c.total, 10);
	ck_assert_int_eq(capture_truncated(&c), 0);
	capture_add(&c, "", 0);
	ck_assert_int_eq(capture_truncated(&c), 0);
	capture_add(&c, "k", 1);			/* one over */
	EXPECT_BYTES(c.kept.data, c.kept.len, "abcdefghij");
	ck_assert_uint_eq(c.total, 11);
	ck_assert_int_ne(capture_truncated(&c), 0);
	capture_add(&c, "lmnop", 5);
	ck_assert_uint_eq(c.kept.len, 10);
	ck_assert_uint_eq(c.total, 16);
	buf_free(&c.kept);

	struct capture d = { .cap = 5 };		/* one add across the cap */
	capture_add(&d, "ab\0cdefgh", 9);
	EXPECT_BYTES(d.kept.data, d.kept.len, "ab\0cd");
	ck_assert_uint_eq(d.total, 9);
	ck_assert_int_ne(capture_truncated(&d), 0);
	buf_free(&d.kept);
}
END_TEST

START_TEST(capture_cap_zero)
{
	struct capture c = { .cap = 0 };

	ck_assert_int_eq(capture_truncated(&c), 0);
	capture_add(&c, "", 0);
	ck_assert_int_eq(capture_truncated(&c), 0);
	capture_add(&c, "abc", 3);
	ck_assert_uint_eq(c.kept.len, 0);
	ck_assert_uint_eq(c.total, 3);
	ck_assert_int_ne(capture_truncated(&c), 0);
	buf_free(&c.kept);
}
END_TEST

START_TEST(capture_many_small_adds)
{
	struct capture c = { .cap = 1000 };
	char want[1000];

	for (int i = 0; i < 5000; i++) {
		char ch = (char)('a' + i % 26);
		capture_add(&c, &ch, 1);
		if (i < 1000)
			want[i] = ch;
	}
	ck_assert_uint_eq(c.kept.len, 1000);
	ck_assert_uint_eq(c.total, 5000);
	ck_assert_mem_eq(c.kept.data, want, sizeof(want));
	ck_assert_int_ne(capture_truncated(&c), 0);
	buf_free(&c.kept);
}
END_TEST

/* ------------------------------------------------------------------------
 * parse_options()
 * ------------------------------------------------------------------------ */

#define ARGS(...) ((const char *[]){ "mmapcts", __VA_ARGS__, NULL })

/* parse_options() over args (NULL-terminated, args[0] the program).  What
 * it prints goes into *printed, or must be nothing when printed is NULL. */
static enum parse_result parse_list(struct options *o, const char **args, char *err,
				    size_t errlen, char **printed)
{
	char *argv[64], *text = NULL;
	size_t len = 0;
	int argc = 0;
	FILE *out = open_memstream(&text, &len);
	enum parse_result res;

	ck_assert_ptr_nonnull(out);
	while (args[argc]) {
		ck_assert_int_lt(argc, 63);
		argv[argc] = (char *)args[argc];
		argc++;
	}
	argv[argc] = NULL;
	err[0] = '\0';
	res = parse_options(argc, argv, o, out, err, errlen);
	fclose(out);
	if (printed) {
		*printed = text;
	} else {
		ck_assert_msg(len == 0, "printed \"%s\"", show(0, text, len));
		free(text);
	}
	return res;
}

/* The arguments parse; o is filled. */
static void parse_ok(struct options *o, const char **args)
{
	char err[256];
	enum parse_result res = parse_list(o, args, err, sizeof(err), NULL);

	ck_assert_msg(res == PARSE_OK, "%s ...: refused: %s", args[1] ? args[1] : "", err);
}

/* The arguments are refused with one line holding want. */
#define parse_refused(args, want) parse_refused_at(__LINE__, args, want)
static void parse_refused_at(int line, const char **args, const char *want)
{
	struct options o;
	char err[256];
	enum parse_result res = parse_list(&o, args, err, sizeof(err), NULL);

	ck_assert_msg(res == PARSE_ERROR, "line %d: %s ...: accepted, wanted \"%s\"",
		      line, args[1] ? args[1] : "", want);
	ck_assert_msg(err[0] && !strchr(err, '\n') && strstr(err, want),
		      "line %d: error \"%s\", wanted one line holding \"%s\"", line,
		      show(0, err, strlen(err)), want);
	ck_assert_ptr_null(o.selectors);
	ck_assert_ptr_null(o.paths);
	ck_assert_ptr_null(o.groups);
}

START_TEST(options_defaults)
{
	struct options o;
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);

	parse_ok(&o, (const char *[]){ "mmapcts", NULL });
	ck_assert_int_eq(o.jobs, cpus > 0 ? cpus : 1);
	ck_assert_double_eq(o.timeout_multiplier, 1.0);
	ck_assert_int_eq(o.timeout, 0);
	ck_assert_int_eq(o.format, FORMAT_TEXT);
	ck_assert_ptr_null(o.json_path);
	ck_assert_int_eq(o.no_json, 0);
	ck_assert_ptr_null(o.junit_path);
	ck_assert_ptr_null(o.wrapper);
	ck_assert_ptr_null(o.resume_path);
	ck_assert_ptr_null(o.cases_dir);
	ck_assert_ptr_null(o.profile);
	ck_assert_int_eq(o.ngroups, 0);
	ck_assert_int_eq(o.nselectors, 0);
	ck_assert_int_eq(o.npaths, 0);
	ck_assert_uint_eq(o.output_cap, 65536);
	ck_assert_int_eq(o.repeat, 1);
	ck_assert_ptr_null(o.fault);
	ck_assert_ptr_null(o.stream_path);
	ck_assert_int_eq(o.list_faults, 0);
	ck_assert_int_eq(o.list, 0);
	ck_assert_int_eq(o.verbose, 0);
	ck_assert_int_eq(o.progress, -1);
	free_options(&o);
}
END_TEST

START_TEST(options_value_forms)
{
	struct options o;
	const char **jobs[] = { ARGS("--jobs", "3"), ARGS("--jobs=3"), ARGS("-j", "3"),
				ARGS("-j3") };
	for (size_t i = 0; i < 4; i++) {
		parse_ok(&o, jobs[i]);
		ck_assert_int_eq(o.jobs, 3);
		free_options(&o);
	}
	const char **group[] = { ARGS("--group", "anon"), ARGS("--group=anon"),
				 ARGS("-g", "anon"), ARGS("-ganon") };
	for (size_t i = 0; i < 4; i++) {
		parse_ok(&o, group[i]);
		ck_assert_int_eq(o.ngroups, 1);
		ck_assert_str_eq(o.groups[0], "anon");
		free_options(&o);
	}
	const char **profile[] = { ARGS("--profile", "posix"), ARGS("--profile=posix"),
				   ARGS("-p", "posix"), ARGS("-pposix") };
	for (size_t i = 0; i < 4; i++) {
		parse_ok(&o, profile[i]);
		ck_assert_str_eq(o.profile, "posix");
		free_options(&o);
	}
	parse_ok(&o, ARGS("-plinux"));
	ck_assert_str_eq(o.profile, "linux");
	free_options(&o);
	const char **mult[] = { ARGS("--timeout-multiplier", "2.5"),
				ARGS("--timeout-multiplier=2.5"), ARGS("-t", "2.5"),
				ARGS("-t2.5") };
	for (size_t i = 0; i < 4; i++) {
		parse_ok(&o, mult[i]);
		ck_assert_double_eq(o.timeout_multiplier, 2.5);
		free_options(&o);
	}
	const char **timeout[] = { ARGS("--timeout", "30"), ARGS("--timeout=30") };
	for (size_t i = 0; i < 2; i++) {
		parse_ok(&o, timeout[i]);
		ck_assert_int_eq(o.timeout, 30);
		free_options(&o);
	}
	const char **format[] = { ARGS("--format", "ktap"), ARGS("--format=ktap"),
				  ARGS("-f", "ktap"), ARGS("-fktap") };
	for (size_t i = 0; i < 4; i++) {
		parse_ok(&o, format[i]);
		ck_assert_int_eq(o.format, FORMAT_KTAP);
		free_options(&o);
	}
	parse_ok(&o, ARGS("-fktap", "--format", "text"));
	ck_assert_int_eq(o.format, FORMAT_TEXT);
	free_options(&o);
	const char **json[] = { ARGS("--json", "out/r.json"), ARGS("--json=out/r.json") };
	for (size_t i = 0; i < 2; i++) {
		parse_ok(&o, json[i]);
		ck_assert_str_eq(o.json_path, "out/r.json");
		ck_assert_int_eq(o.npaths, 0);		/* a value, not a path */
		free_options(&o);
	}
	const char **junit[] = { ARGS("--junit", "j.xml"), ARGS("--junit=j.xml") };
	for (size_t i = 0; i < 2; i++) {
		parse_ok(&o, junit[i]);
		ck_assert_str_eq(o.junit_path, "j.xml");
		free_options(&o);
	}
	const char **wrapper[] = { ARGS("--wrapper", "qemu-x86_64 -cpu max"),
				   ARGS("--wrapper=qemu-x86_64 -cpu max") };
	for (size_t i = 0; i < 2; i++) {
		parse_ok(&o, wrapper[i]);
		ck_assert_str_eq(o.wrapper, "qemu-x86_64 -cpu max");
		free_options(&o);
	}
	const char **stream[] = { ARGS("--stream", "/dev/ttyS1"), ARGS("--stream=/dev/ttyS1") };
	for (size_t i = 0; i < 2; i++) {
		parse_ok(&o, stream[i]);
		ck_assert_str_eq(o.stream_path, "/dev/ttyS1");
		ck_assert_int_eq(o.npaths, 0);		/* a value, not a path */
		free_options(&o);
	}
	const char **resume[] = { ARGS("--resume", "r.json"), ARGS("--resume=r.json") };
	for (size_t i = 0; i < 2; i++) {
		parse_ok(&o, resume[i]);
		ck_assert_str_eq(o.resume_path, "r.json");
		free_options(&o);
	}
	const char **cdir[] = { ARGS("--cases-dir", "/opt/cases"), ARGS("--cases-dir=/opt/cases") };
	for (size_t i = 0; i < 2; i++) {
		parse_ok(&o, cdir[i]);
		ck_assert_str_eq(o.cases_dir, "/opt/cases");
		ck_assert_int_eq(o.npaths, 0);
		free_options(&o);
	}
	const char **cap[] = { ARGS("--output-cap", "1024"), ARGS("--output-cap=1024") };
	for (size_t i = 0; i < 2; i++) {
		parse_ok(&o, cap[i]);
		ck_assert_uint_eq(o.output_cap, 1024);
		free_options(&o);
	}
	parse_ok(&o, ARGS("--output-cap", "0"));
	ck_assert_uint_eq(o.output_cap, 0);
	free_options(&o);
	const char *fault = mmapcts_fault_defs[FAULT_COUNT - 1].name;
	const char **faults[] = { ARGS("--fault", fault), ARGS("--fault", fault) };
	char fault_eq[128];
	snprintf(fault_eq, sizeof(fault_eq), "--fault=%s", fault);
	faults[1] = ARGS(fault_eq);
	for (size_t i = 0; i < 2; i++) {
		parse_ok(&o, faults[i]);
		ck_assert_str_eq(o.fault, fault);
		free_options(&o);
	}
	const char **repeat[] = { ARGS("--repeat", "7"), ARGS("--repeat=7") };
	for (size_t i = 0; i < 2; i++) {
		parse_ok(&o, repeat[i]);
		ck_assert_int_eq(o.repeat, 7);
		free_options(&o);
	}
}
END_TEST

START_TEST(options_flags)
{
	struct options o;

	parse_ok(&o, ARGS("--list"));
	ck_assert_int_eq(o.list, 1);
	free_options(&o);
	parse_ok(&o, ARGS("-l"));
	ck_assert_int_eq(o.list, 1);
	free_options(&o);
	parse_ok(&o, ARGS("--uncovered", "covers:B3"));
	ck_assert_int_eq(o.uncovered, 1);
	ck_assert_int_eq(o.nselectors, 1);
	ck_assert_str_eq(o.selectors[0], "covers:B3");
	free_options(&o);
	parse_ok(&o, ARGS("--verbose"));
	ck_assert_int_eq(o.verbose, 1);
	free_options(&o);
	parse_ok(&o, ARGS("-v"));
	ck_assert_int_eq(o.verbose, 1);
	free_options(&o);
	parse_ok(&o, ARGS("--no-json"));
	ck_assert_int_eq(o.no_json, 1);
	free_options(&o);
	parse_ok(&o, ARGS("--list-faults"));
	ck_assert_int_eq(o.list_faults, 1);
	free_options(&o);
	parse_ok(&o, ARGS("--progress"));
	ck_assert_int_eq(o.progress, 1);
	free_options(&o);
	parse_ok(&o, ARGS("--no-progress"));
	ck_assert_int_eq(o.progress, 0);
	free_options(&o);
	parse_ok(&o, ARGS("--no-progress", "--progress"));	/* the last one wins */
	ck_assert_int_eq(o.progress, 1);
	free_options(&o);
	parse_ok(&o, ARGS("-g", "anon", "--group", "munmap", "-gfork"));
	ck_assert_int_eq(o.ngroups, 3);
	ck_assert_str_eq(o.groups[0], "anon");
	ck_assert_str_eq(o.groups[1], "munmap");
	ck_assert_str_eq(o.groups[2], "fork");
	free_options(&o);
	ck_assert_ptr_null(o.groups);
	ck_assert_int_eq(o.ngroups, 0);
}
END_TEST

START_TEST(options_selectors_and_paths)
{
	struct options o;

	parse_ok(&o, ARGS("anon", "./fixtures/pass", "-j", "2", "munmap-*", "/abs/case",
			  "-", "--", "--list", "-j", "../up/case"));
	ck_assert_int_eq(o.jobs, 2);
	ck_assert_int_eq(o.list, 0);			/* after "--": a selector */
	ck_assert_int_eq(o.nselectors, 5);
	ck_assert_str_eq(o.selectors[0], "anon");
	ck_assert_str_eq(o.selectors[1], "munmap-*");
	ck_assert_str_eq(o.selectors[2], "-");
	ck_assert_str_eq(o.selectors[3], "--list");
	ck_assert_str_eq(o.selectors[4], "-j");
	ck_assert_int_eq(o.npaths, 3);
	ck_assert_str_eq(o.paths[0], "./fixtures/pass");
	ck_assert_str_eq(o.paths[1], "/abs/case");
	ck_assert_str_eq(o.paths[2], "../up/case");
	free_options(&o);
	ck_assert_ptr_null(o.selectors);
	ck_assert_ptr_null(o.paths);
	ck_assert_int_eq(o.nselectors, 0);
	ck_assert_int_eq(o.npaths, 0);
}
END_TEST

/*
 * The usage text: "A SELECTOR is a case id (anon/zero-fill,
 * private-file/x:shm), an id glob ('munmap/...' with a star) ...".  Every case id has a
 * '/', so those must stay selectors; an explicit path starts with / or .
 */
START_TEST(options_case_ids_are_selectors)
{
	struct options o;

	parse_ok(&o, ARGS("anon/zero-fill", "private-file/x:shm", "munmap/*", "./cases/anon/x",
			  "/opt/cases/anon/x", "../cases/anon/y"));
	ck_assert_int_eq(o.nselectors, 3);
	ck_assert_int_eq(o.npaths, 3);
	free_options(&o);
}
END_TEST

START_TEST(options_errors)
{
	parse_refused(ARGS("--frobnicate"), "unknown option '--frobnicate'");
	parse_refused(ARGS("-y"), "unknown option '-y'");
	parse_refused(ARGS("-x"), "option '-x' needs a value");
	parse_refused(ARGS("-yxz"), "unknown option '-yxz'");
	parse_refused(ARGS("--jobsx=3"), "unknown option '--jobsx=3'");
	parse_refused(ARGS("--job", "3"), "unknown option '--job'");
	parse_refused(ARGS("---jobs", "3"), "unknown option");
	/* missing values */
	parse_refused(ARGS("--jobs"), "option '--jobs' needs a value");
	parse_refused(ARGS("-j"), "option '-j' needs a value");
	parse_refused(ARGS("anon", "--json"), "option '--json' needs a value");
	parse_refused(ARGS("--stream"), "option '--stream' needs a value");
	parse_refused(ARGS("--timeout"), "needs a value");
	/* values given to flags */
	parse_refused(ARGS("--list=yes"), "option 'list' takes no value");
	parse_refused(ARGS("--verbose=1"), "takes no value");
	parse_refused(ARGS("--no-json="), "takes no value");
	parse_refused(ARGS("-lv"), "takes no value");
	parse_refused(ARGS("--help=me"), "takes no value");
	/* numbers */
	static const char *bad_jobs[] = { "0", "-1", "4097", "abc", "3x", "", "1.5",
					  "99999999999999999999" };
	for (size_t i = 0; i < sizeof(bad_jobs) / sizeof(bad_jobs[0]); i++) {
		char want[64];
		snprintf(want, sizeof(want), "'%s'", bad_jobs[i]);
		parse_refused(ARGS("--jobs", bad_jobs[i]), "--jobs");
		parse_refused(ARGS("--jobs", bad_jobs[i]), want);
	}
	static const char *bad_timeout[] = { "0", "-5", "86401", "x", "", "1.5" };
	for (size_t i = 0; i < sizeof(bad_timeout) / sizeof(bad_timeout[0]); i++)
		parse_refused(ARGS("--timeout", bad_timeout[i]), "--timeout wants seconds");
	static const char *bad_mult[] = { "0", "-1", "abc", "2x", "", "nan", "inf", "1001" };
	for (size_t i = 0; i < sizeof(bad_mult) / sizeof(bad_mult[0]); i++) {
		char want[64];
		snprintf(want, sizeof(want), "'%s'", bad_mult[i]);
		parse_refused(ARGS("--timeout-multiplier", bad_mult[i]), "--timeout-multiplier");
		parse_refused(ARGS("-t", bad_mult[i]), want);
	}
	static const char *bad_cap[] = { "-1", "1073741825", "1k", "", "0x" };
	for (size_t i = 0; i < sizeof(bad_cap) / sizeof(bad_cap[0]); i++)
		parse_refused(ARGS("--output-cap", bad_cap[i]), "--output-cap");
	parse_refused(ARGS("--repeat", "0"), "--repeat");
	parse_refused(ARGS("--format", "json"), "--format is text, ktap or ltp, not 'json'");
	parse_refused(ARGS("-fxml"), "not 'xml'");
	parse_refused(ARGS("--profile", "bsd"), "--profile is posix or linux, not 'bsd'");
	parse_refused(ARGS("-pPOSIX"), "not 'POSIX'");
	parse_refused(ARGS("--wrapper="), "--wrapper");
	parse_refused(ARGS("--fault", "no-such-fault"), "unknown fault 'no-such-fault'");
	parse_refused(ARGS("--fault="), "unknown fault ''");
	parse_refused(ARGS("--list-faults=1"), "takes no value");
	/* contradictions, in either order */
	parse_refused(ARGS("--json", "r.json", "--no-json"), "--json and --no-json");
	parse_refused(ARGS("--no-json", "--json=r.json"), "--json and --no-json");
	parse_refused(ARGS("--resume", "r.json", "--json", "s.json"), "--resume");
	parse_refused(ARGS("--json", "s.json", "--resume=r.json"), "--resume");
	parse_refused(ARGS("--resume", "r.json", "--no-json"), "--resume");
	/* selectors before the error are released too (checked by ASan) */
	parse_refused(ARGS("anon", "./x", "-g", "g", "--bogus"), "--bogus");
}
END_TEST

START_TEST(options_error_fits_small_buffer)
{
	struct options o;
	char err[16];

	memset(err, 'Z', sizeof(err));
	ck_assert_int_eq(parse_list(&o, ARGS("--this-option-is-long-and-unknown"), err,
				    sizeof(err), NULL), PARSE_ERROR);
	ck_assert_uint_eq(strlen(err), sizeof(err) - 1);
}
END_TEST

/* Every option the usage text names is in the option table (a new one
 * is a table line and a usage line; this catches one without the other). */
START_TEST(options_usage_names_only_known_options)
{
	struct options o;
	char err[256], *usage = NULL;
	size_t named = 0;

	ck_assert_int_eq(parse_list(&o, ARGS("--help"), err, sizeof(err), &usage), PARSE_EXIT);
	for (const char *p = strstr(usage, " --"); p; p = strstr(p + 1, " --")) {
		char opt[64];
		size_t n = strspn(p + 1, "-abcdefghijklmnopqrstuvwxyz");
		if (n < 3 || n >= sizeof(opt))
			continue;
		memcpy(opt, p + 1, n);
		opt[n] = '\0';
		char *text = NULL;
		enum parse_result res = parse_list(&o, ARGS(opt), err, sizeof(err), &text);
		ck_assert_msg(res != PARSE_ERROR || !strstr(err, "unknown option"),
			      "%s is in the usage text, not in the table", opt);
		if (res == PARSE_OK)
			free_options(&o);
		free(text);
		named++;
	}
	ck_assert_uint_ge(named, 24);
	free(usage);
}
END_TEST

/* Numbers out of range and one file named twice are refused. */
START_TEST(options_refuse_bad_values_and_files_named_twice)
{
	char dir[4096], a[4200], link[4200];
	struct options o;

	parse_refused(ARGS("-t", "1e-300"), "from 0.01 to 1000");
	parse_refused(ARGS("-t", "0.009"), "from 0.01 to 1000");
	parse_refused(ARGS("-t", "nan"), "'nan'");
	parse_refused(ARGS("-t", "inf"), "'inf'");
	parse_refused(ARGS("-t", "1000.5"), "from 0.01 to 1000");
	parse_ok(&o, ARGS("-t", "0.01"));
	ck_assert(o.timeout_multiplier == 0.01);
	free_options(&o);
	parse_ok(&o, ARGS("-t", "1000"));
	free_options(&o);

	parse_refused(ARGS("--json", "X", "--stream", "X"), "--json and --stream name the same file X");
	parse_refused(ARGS("--resume", "X", "--junit", "X"), "--resume and --junit");
	parse_refused(ARGS("--stream", "s", "--junit", "./s"), "--stream and --junit");
	parse_refused(ARGS("-e", "e.tsv", "--json", "e.tsv"), "--json and --expectations");

	/* The same file under two names: compared by st_dev and st_ino. */
	test_dir(dir, sizeof(dir));
	path_in(a, sizeof(a), dir, "a.json");
	path_in(link, sizeof(link), dir, "link.json");
	write_str(a, "x\n");
	ck_assert_int_eq(symlink(a, link), 0);
	parse_refused(ARGS("--json", a, "--stream", link), "--json and --stream");
	ck_assert_int_eq(same_file(a, link), 1);
	ck_assert_int_eq(same_file(a, dir), 0);
	ck_assert_int_eq(same_file("", ""), 0);
	ck_assert_int_eq(same_file(NULL, a), 0);
	ck_assert_int_eq(same_file("/no/such/dir/x", "/no/such/dir/x/../x"), 0);
	ck_assert_int_eq(same_file("/no/such/dir/x", "/no/such/dir/x"), 1);
	ck_assert_int_eq(same_file("q.json", "./q.json"), 1);
	ck_assert_int_eq(same_file("/q.json", "/./q.json"), 1);
}
END_TEST

START_TEST(options_edge_cases)
{
	struct options o;

	/* The last of a repeated option wins; values attach to short names. */
	parse_ok(&o, ARGS("-j", "2", "-j3", "--jobs=4", "-j5"));
	ck_assert_int_eq(o.jobs, 5);
	free_options(&o);
	/* An empty value after '=' is a value, not a missing one. */
	parse_ok(&o, ARGS("--json=", "--stream=", "-e", ""));
	ck_assert_str_eq(o.json_path, "");
	ck_assert_str_eq(o.stream_path, "");
	ck_assert_str_eq(o.expectations, "");
	free_options(&o);
	/* A value that looks like an option is the value. */
	parse_ok(&o, ARGS("--json", "--list", "-g", "-v"));
	ck_assert_str_eq(o.json_path, "--list");
	ck_assert_int_eq(o.list, 0);
	ck_assert_str_eq(o.groups[0], "-v");
	ck_assert_int_eq(o.verbose, 0);
	free_options(&o);
	/* '=' in a short option's value belongs to the value. */
	parse_ok(&o, ARGS("-gx=y"));
	ck_assert_str_eq(o.groups[0], "x=y");
	free_options(&o);
	/* After "--", --help is a selector, not the help. */
	parse_ok(&o, ARGS("--", "--help", "-V"));
	ck_assert_int_eq(o.nselectors, 2);
	free_options(&o);
	/* --help ends the parse: later errors are not looked at. */
	char err[256], *text = NULL;
	ck_assert_int_eq(parse_list(&o, ARGS("-h", "--jobs=0"), err, sizeof(err), &text),
			 PARSE_EXIT);
	free(text);
	/* An error stops at the first bad option. */
	parse_refused(ARGS("--jobs=0", "--bogus"), "--jobs");
	parse_refused(ARGS("--=x"), "unknown option '--=x'");
	parse_refused(ARGS("--list-faults", "--list=1"), "option 'list' takes no value");
}
END_TEST

START_TEST(options_help_and_version)
{
	const char **help[] = { ARGS("--help"), ARGS("-h"), ARGS("anon", "./x", "-g", "a", "--help") };
	for (size_t i = 0; i < 3; i++) {
		struct options o;
		char err[256], *printed = NULL;

		ck_assert_int_eq(parse_list(&o, help[i], err, sizeof(err), &printed), PARSE_EXIT);
		ck_assert_ptr_nonnull(printed);
		/* cppcheck-suppress nullPointerRedundantCheck ; ck_assert ends the test */
		ck_assert_msg(!strncmp(printed, "Usage: mmapcts", 14), "help: %s", printed);
		EXPECT_CONTAINS(printed, "--timeout-multiplier");
		EXPECT_CONTAINS(printed, "--resume FILE");
		EXPECT_CONTAINS(printed, "--stream PATH");
		ck_assert_int_eq(printed[strlen(printed) - 1], '\n');
		ck_assert_ptr_null(o.selectors);
		ck_assert_ptr_null(o.paths);
		ck_assert_ptr_null(o.groups);
		free(printed);
	}
	const char **version[] = { ARGS("--version"), ARGS("-V"), ARGS("-V", "--bogus") };
	for (size_t i = 0; i < 3; i++) {
		struct options o;
		char err[256], *printed = NULL;

		ck_assert_int_eq(parse_list(&o, version[i], err, sizeof(err), &printed), PARSE_EXIT);
		ck_assert_str_eq(printed, "mmapcts " PACKAGE_VERSION "\n");
		free(printed);
	}
}
END_TEST

/* ------------------------------------------------------------------------
 * manifest.c
 * ------------------------------------------------------------------------ */

#define MANIFEST_HEADER "# mmapcts manifest 1\n"
#define ROW_ANON "anon/zero-fill\tanon/zero-fill\tanon\tposix\t10\t\t\t" \
	"POSIX mmap() MAP_ANONYMOUS\tnew anonymous pages read as zero"
#define ROW_SHM "private-file/x:shm\tprivate-file/x\tprivate-file\tlinux\t30\tshm\t" \
	"memfd_create\tLinux mmap(2)\ta private store is not seen"
#define ROW_FILE "private-file/x:file\tprivate-file/x\tprivate-file\tlinux\t30\tfile\t\t" \
	"Linux mmap(2)\ta private store is not seen"

static const char good_manifest[] =
	MANIFEST_HEADER
	"# id\tprogram\tgroup\tprofile\ttimeout\tvariant\tneeds\tspec\tassertion\n"
	ROW_ANON "\n"
	"\n"
	"#" ROW_ANON "\n"		/* commented out */
	ROW_SHM "\n"
	ROW_FILE;			/* no newline at the end */

START_TEST(manifest_parse_valid)
{
	struct manifest m;
	char err[256] = "";

	ck_assert_int_eq(manifest_parse(&m, good_manifest, "/opt/cases", err, sizeof(err)), 0);
	ck_assert_uint_eq(m.n, 3);
	const struct case_entry *a = &m.cases[0], *s = &m.cases[1], *f = &m.cases[2];
	ck_assert_str_eq(a->id, "anon/zero-fill");
	ck_assert_str_eq(a->program, "anon/zero-fill");
	ck_assert_str_eq(a->group, "anon");
	ck_assert_str_eq(a->profile, "posix");
	ck_assert_int_eq(a->timeout, 10);
	ck_assert_str_eq(a->variant, "");
	ck_assert_str_eq(a->needs, "");
	ck_assert_str_eq(a->spec, "POSIX mmap() MAP_ANONYMOUS");
	ck_assert_str_eq(a->assertion, "new anonymous pages read as zero");
	ck_assert_str_eq(a->path, "/opt/cases/anon/zero-fill");
	ck_assert_str_eq(s->id, "private-file/x:shm");
	ck_assert_str_eq(s->program, "private-file/x");
	ck_assert_str_eq(s->group, "private-file");
	ck_assert_str_eq(s->profile, "linux");
	ck_assert_int_eq(s->timeout, 30);
	ck_assert_str_eq(s->variant, "shm");
	ck_assert_str_eq(s->needs, "memfd_create");
	ck_assert_str_eq(s->spec, "Linux mmap(2)");
	ck_assert_str_eq(s->path, "/opt/cases/private-file/x");
	ck_assert_str_eq(f->id, "private-file/x:file");
	ck_assert_str_eq(f->variant, "file");
	ck_assert_str_eq(f->assertion, "a private store is not seen");
	ck_assert_str_eq(f->path, "/opt/cases/private-file/x");
	manifest_free(&m);
	ck_assert_ptr_null(m.cases);
	ck_assert_uint_eq(m.n, 0);

	/* Only the header: no cases, no error. */
	ck_assert_int_eq(manifest_parse(&m, "# mmapcts manifest 1", "c", err, sizeof(err)), 0);
	ck_assert_uint_eq(m.n, 0);
	manifest_free(&m);
}
END_TEST

/* A manifest refused with one line holding want; nothing is kept. */
#define manifest_refused(text, want) manifest_refused_at(__LINE__, text, want)
static void manifest_refused_at(int line, const char *text, const char *want)
{
	struct manifest m;
	char err[256] = "";

	ck_assert_msg(manifest_parse(&m, text, "/opt/cases", err, sizeof(err)) < 0,
		      "line %d: accepted: %s", line, show(0, text, strlen(text)));
	ck_assert_msg(err[0] && !strchr(err, '\n') && strstr(err, want),
		      "line %d: error \"%s\", wanted one line holding \"%s\"", line,
		      show(0, err, strlen(err)), want);
	ck_assert_ptr_null(m.cases);
	ck_assert_uint_eq(m.n, 0);
}

START_TEST(manifest_parse_errors)
{
	manifest_refused("", "not an mmapcts manifest");
	manifest_refused(ROW_ANON "\n", "not an mmapcts manifest");
	manifest_refused("\n" MANIFEST_HEADER ROW_ANON "\n", "not an mmapcts manifest");
	manifest_refused("# mmapcts manifest 2\n" ROW_ANON "\n", "not an mmapcts manifest");
	/* field counts: after good rows too, which must be freed (ASan) */
	manifest_refused(MANIFEST_HEADER ROW_ANON "\n" "a\tb\tc\td\t10\t\t\tspec\n",
			 "manifest line 3: 8 fields, expected ");
	manifest_refused(MANIFEST_HEADER "anon/x\n", "line 2: 1 fields");
	manifest_refused(MANIFEST_HEADER ROW_ANON "\t0\tx\ty\tz\n", "line 2");
	/* time limits and ids */
	static const char *bad_timeouts[] = { "abc", "0", "-3", "", "10s", " 5x" };
	for (size_t i = 0; i < sizeof(bad_timeouts) / sizeof(bad_timeouts[0]); i++) {
		char text[512];
		snprintf(text, sizeof(text),
			 MANIFEST_HEADER ROW_SHM "\nanon/x\tanon/x\tanon\tposix\t%s\t\t\ts\ta\n",
			 bad_timeouts[i]);
		manifest_refused(text, "manifest line 3: a bad id or time limit");
	}
	manifest_refused(MANIFEST_HEADER "\tanon/x\tanon\tposix\t10\t\t\ts\ta\n", "bad id");
	manifest_refused(MANIFEST_HEADER "anon/x\t\tanon\tposix\t10\t\t\ts\ta\n", "bad id");
}
END_TEST

/* Too many fields: the message must say how many there were. */
START_TEST(manifest_parse_error_counts_extra_fields)
{
	manifest_refused(MANIFEST_HEADER ROW_ANON "\t0\tx\ty\tz\n", "line 2: 13 fields, expected");
}
END_TEST

/* The header line names the format version; another version is refused. */
START_TEST(manifest_parse_header_must_match_whole_line)
{
	manifest_refused("# mmapcts manifest 10\n" ROW_ANON "\n", "not an mmapcts manifest");
	manifest_refused("# mmapcts manifest 1.1\n" ROW_ANON "\n", "not an mmapcts manifest");
}
END_TEST

START_TEST(manifest_load_reads_file)
{
	char dir[4096], file[4200], err[512] = "";
	struct manifest m;

	test_dir(dir, sizeof(dir));
	path_in(file, sizeof(file), dir, "manifest.tsv");
	write_file(file, good_manifest, sizeof(good_manifest) - 1);
	ck_assert_int_eq(manifest_load(&m, dir, err, sizeof(err)), 0);
	ck_assert_uint_eq(m.n, 3);
	ck_assert_str_eq(m.cases[1].id, "private-file/x:shm");
	manifest_free(&m);

	write_str(file, "garbage\n");
	ck_assert_int_lt(manifest_load(&m, dir, err, sizeof(err)), 0);
	EXPECT_ONE_LINE(err);
	EXPECT_CONTAINS(err, file);
	EXPECT_CONTAINS(err, "not an mmapcts manifest");

	write_str(file, "");
	ck_assert_int_lt(manifest_load(&m, dir, err, sizeof(err)), 0);
	EXPECT_CONTAINS(err, "not an mmapcts manifest");

	unlink(file);
	ck_assert_int_lt(manifest_load(&m, dir, err, sizeof(err)), 0);
	EXPECT_ONE_LINE(err);
	EXPECT_CONTAINS(err, file);
	EXPECT_CONTAINS(err, strerror(ENOENT));
}
END_TEST

START_TEST(case_matches_selectors)
{
	struct manifest m;
	char err[256];

	ck_assert_int_eq(manifest_parse(&m, good_manifest, "/c", err, sizeof(err)), 0);
	const struct case_entry *a = &m.cases[0], *s = &m.cases[1], *f = &m.cases[2];
	/* exact id */
	ck_assert(case_matches(a, "anon/zero-fill"));
	ck_assert(case_matches(s, "private-file/x:shm"));
	ck_assert(!case_matches(f, "private-file/x:shm"));
	/* group */
	ck_assert(case_matches(a, "anon"));
	ck_assert(case_matches(s, "private-file"));
	ck_assert(case_matches(f, "private-file"));
	ck_assert(!case_matches(a, "private-file"));
	/* group with a slash, as a shell completes a directory */
	ck_assert(case_matches(a, "anon/"));
	ck_assert(case_matches(s, "private-file/"));
	ck_assert(!case_matches(a, "private-file/"));
	ck_assert(!case_matches(a, "anon//"));
	/* program: every variant */
	ck_assert(case_matches(s, "private-file/x"));
	ck_assert(case_matches(f, "private-file/x"));
	ck_assert(!case_matches(a, "private-file/x"));
	/* globs */
	ck_assert(case_matches(a, "anon/*"));
	ck_assert(case_matches(a, "*/zero-*"));
	ck_assert(case_matches(s, "private-file/*:shm"));
	ck_assert(!case_matches(f, "private-file/*:shm"));
	ck_assert(case_matches(f, "*"));
	ck_assert(case_matches(s, "private-file/x:[sf]*"));
	/* no match */
	ck_assert(!case_matches(a, "anon/zero"));
	ck_assert(!case_matches(a, "ano"));
	ck_assert(!case_matches(a, "Anon"));
	ck_assert(!case_matches(a, "anon/zero-fill:shm"));
	ck_assert(!case_matches(s, "private-file/x:"));
	ck_assert(!case_matches(s, "private"));
	ck_assert(!case_matches(s, "x"));
	ck_assert(!case_matches(a, ""));
	manifest_free(&m);
}
END_TEST

/* ------------------------------------------------------------------------
 * catalogue.c
 * ------------------------------------------------------------------------ */

/* Rows written by gen-manifest with .covers / .covers_part; ROW_ANON is an
 * older manifest line without the last three columns. */
static const char covers_manifest[] =
	MANIFEST_HEADER
	"eof/a\teof/a\teof\tposix\t10\t\t\ts\ta\t\tD1 D12\tA1\n"
	"eof/b:shm\teof/b\teof\tlinux\t10\tshm\t\ts\ta\twhy\t\tD1 B3\n"
	ROW_ANON "\n";

START_TEST(manifest_parse_covers)
{
	struct manifest m;
	char err[256] = "";

	ck_assert_int_eq(manifest_parse(&m, covers_manifest, "/c", err, sizeof(err)), 0);
	ck_assert_uint_eq(m.n, 3);
	ck_assert_str_eq(m.cases[0].covers, "D1 D12");
	ck_assert_str_eq(m.cases[0].covers_part, "A1");
	ck_assert_str_eq(m.cases[1].covers, "");
	ck_assert_str_eq(m.cases[1].covers_part, "D1 B3");
	ck_assert_str_eq(m.cases[2].covers, "");
	ck_assert_str_eq(m.cases[2].covers_part, "");
	manifest_free(&m);
}
END_TEST

START_TEST(case_selected_by_profile_groups_and_selectors)
{
	struct manifest m;
	struct options o;
	char err[256];
	int used[4];

	ck_assert_int_eq(manifest_parse(&m, good_manifest, "/c", err, sizeof(err)), 0);
	const struct case_entry *a = &m.cases[0], *s = &m.cases[1];

	parse_ok(&o, ARGS("-p", "linux"));
	memset(used, 0, sizeof(used));
	ck_assert(!case_selected(a, &o, used));
	ck_assert(case_selected(s, &o, used));
	free_options(&o);

	/* Selectors come first in used[], then the groups. */
	parse_ok(&o, ARGS("-g", "anon", "anon/*", "private-file/x:shm", "-g", "private-file"));
	memset(used, 0, sizeof(used));
	ck_assert(case_selected(a, &o, used));
	ck_assert(used[0] && !used[1] && used[2] && !used[3]);
	ck_assert(case_selected(s, &o, used));
	ck_assert(used[1] && used[3]);
	free_options(&o);

	/* A group that does not match leaves the selectors unmarked. */
	parse_ok(&o, ARGS("-g", "munmap", "anon/*"));
	memset(used, 0, sizeof(used));
	ck_assert(!case_selected(a, &o, used));
	ck_assert(!used[0] && !used[1]);
	free_options(&o);

	/* Programs named and nothing selected: none from the manifest... */
	parse_ok(&o, ARGS("./prog"));
	memset(used, 0, sizeof(used));
	ck_assert(!case_selected(a, &o, used));
	free_options(&o);
	/* ...unless a group asks for them. */
	parse_ok(&o, ARGS("./prog", "-g", "anon"));
	ck_assert(case_selected(a, &o, used));
	free_options(&o);
	manifest_free(&m);
}
END_TEST

START_TEST(case_covers_rows)
{
	struct manifest m;
	char err[256] = "";

	ck_assert_int_eq(manifest_parse(&m, covers_manifest, "/c", err, sizeof(err)), 0);
	const struct case_entry *a = &m.cases[0], *b = &m.cases[1], *z = &m.cases[2];
	ck_assert_int_eq(case_covers(a, "D1"), COVERS_WHOLLY);
	ck_assert_int_eq(case_covers(a, "D12"), COVERS_WHOLLY);
	ck_assert_int_eq(case_covers(a, "A1"), COVERS_PARTLY);
	/* whole words only: D1 is not D12's prefix match, nor 1 of D1 */
	ck_assert_int_eq(case_covers(a, "D"), COVERS_NOT);
	ck_assert_int_eq(case_covers(a, "1"), COVERS_NOT);
	ck_assert_int_eq(case_covers(a, "D2"), COVERS_NOT);
	ck_assert_int_eq(case_covers(a, ""), COVERS_NOT);
	ck_assert_int_eq(case_covers(b, "D1"), COVERS_PARTLY);
	ck_assert_int_eq(case_covers(b, "B3"), COVERS_PARTLY);
	ck_assert_int_eq(case_covers(z, "D1"), COVERS_NOT);
	/* the selector */
	ck_assert(case_matches(a, "covers:D12"));
	ck_assert(case_matches(b, "covers:B3"));
	ck_assert(!case_matches(z, "covers:D1"));
	ck_assert(!case_matches(a, "covers:B3"));
	ck_assert(!case_matches(a, "covers:"));
	manifest_free(&m);
}
END_TEST

static const char small_catalogue[] =
	"# a comment\n"
	"A1\tanon\tposix\tY\t-\t-\t-\t-\t-\tpartly checked\n"
	"\n"
	"B3\tprivate-file\tposix\t-\t-\t-\t-\t-\to\tchecked in part only\n"
	"D1\teof\tposix\t-\t-\t-\t-\t-\t-\tchecked\n"
	"D12\teof\tlinux\t-\t-\t-\t-\t-\t-\tchecked too\n"
	"Z9\tmisc\tlinux\t-\t-\t-\t-\t-\t-\tnothing checks this";	/* no newline */

START_TEST(catalogue_uncovered_rows)
{
	struct manifest m;
	struct buf out = { 0 };
	char err[256] = "";

	ck_assert_int_eq(manifest_parse(&m, covers_manifest, "/c", err, sizeof(err)), 0);
	ck_assert_int_eq(catalogue_uncovered(small_catalogue, &m, NULL, &out, err,
					     sizeof(err)), 0);
	ck_assert_str_eq(out.data, "A1\tpartly\tposix\tpartly checked\n"
				   "B3\tpartly\tposix\tchecked in part only\n"
				   "Z9\tnone\tlinux\tnothing checks this\n");
	buf_free(&out);
	/* Only the rows of one profile. */
	ck_assert_int_eq(catalogue_uncovered(small_catalogue, &m, "linux", &out, err,
					     sizeof(err)), 0);
	ck_assert_str_eq(out.data, "Z9\tnone\tlinux\tnothing checks this\n");
	buf_free(&out);

	/* A short row is an error naming its line; nothing is written. */
	ck_assert_int_eq(catalogue_uncovered("# x\nA1\tanon\n", &m, NULL, &out, err,
					     sizeof(err)),
			 -1);
	EXPECT_CONTAINS(err, "catalogue line 2");
	ck_assert_ptr_null(out.data);
	ck_assert_int_eq(catalogue_uncovered("A1\ta\tb\tc\td\te\tf\tg\th\ti\tj\n", &m,
					     NULL, &out, err, sizeof(err)), -1);
	EXPECT_CONTAINS(err, "catalogue line 1");
	manifest_free(&m);
}
END_TEST

START_TEST(catalogue_print_uncovered_reads_cases_dir)
{
	struct manifest m;
	char err[512] = "", dir[] = "/tmp/mmapcts-catalogue-XXXXXX", path[600];
	char *text = NULL;
	size_t len = 0;

	ck_assert_int_eq(manifest_parse(&m, covers_manifest, "/c", err, sizeof(err)), 0);
	ck_assert_ptr_nonnull(mkdtemp(dir));
	/* no catalogue: an error naming the file */
	FILE *out = open_memstream(&text, &len);
	ck_assert_int_eq(catalogue_print_uncovered(dir, &m, NULL, out, err, sizeof(err)), -1);
	EXPECT_CONTAINS(err, "catalogue.tsv");
	snprintf(path, sizeof(path), "%s/catalogue.tsv", dir);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(small_catalogue, f);
	fclose(f);
	ck_assert_int_eq(catalogue_print_uncovered(dir, &m, NULL, out, err, sizeof(err)), 0);
	fclose(out);
	ck_assert_str_eq(text, "A1\tpartly\tposix\tpartly checked\n"
			       "B3\tpartly\tposix\tchecked in part only\n"
			       "Z9\tnone\tlinux\tnothing checks this\n");
	free(text);
	unlink(path);
	rmdir(dir);
	manifest_free(&m);
}
END_TEST

/* select_cases() over a manifest in a directory of its own. */
static int selected(const char *dir, const char **args, struct selection *sel, char *err,
		    size_t errlen)
{
	struct options o;
	char *argv[64];
	int argc = 0, ret;

	ck_assert_int_eq(parse_list(&o, args, err, errlen, NULL), PARSE_OK);
	o.cases_dir = dir;
	while (args[argc]) {
		argv[argc] = (char *)args[argc];
		argc++;
	}
	ret = select_cases(sel, &o, argv[0], err, errlen);
	free_options(&o);
	return ret;
}

START_TEST(select_cases_orders_repeats_and_refuses)
{
	char dir[4096], path[4200], err[512];
	struct selection sel;

	test_dir(dir, sizeof(dir));
	path_in(path, sizeof(path), dir, "manifest.tsv");
	write_str(path, good_manifest);

	ck_assert_int_eq(selected(dir, ARGS("--repeat", "2"), &sel, err, sizeof(err)), 0);
	ck_assert_uint_eq(sel.distinct, 3);
	ck_assert_uint_eq(sel.n, 6);
	ck_assert_str_eq(sel.cases[0]->id, "anon/zero-fill");	/* id order */
	ck_assert_str_eq(sel.cases[1]->id, "private-file/x:file");
	ck_assert_str_eq(sel.cases[2]->id, "private-file/x:shm");
	ck_assert_ptr_eq(sel.cases[3], sel.cases[0]);
	selection_free(&sel);
	ck_assert_ptr_null(sel.cases);

	ck_assert_int_eq(selected(dir, ARGS("private-file/x"), &sel, err, sizeof(err)), 0);
	ck_assert_uint_eq(sel.n, 2);
	selection_free(&sel);

	ck_assert_int_eq(selected(dir, ARGS("anon", "nothing/here"), &sel, err, sizeof(err)), -1);
	ck_assert_str_eq(err, "no case matches 'nothing/here' (see --list)");
	selection_free(&sel);
	ck_assert_int_eq(selected(dir, ARGS("-g", "munmap"), &sel, err, sizeof(err)), -1);
	ck_assert_str_eq(err, "no case matches 'munmap' (see --list)");
	selection_free(&sel);

	/* A program named that is no executable. */
	ck_assert_int_eq(selected(dir, ARGS(path), &sel, err, sizeof(err)), -1);
	EXPECT_CONTAINS(err, ": not an executable case: ");
	EXPECT_CONTAINS(err, strerror(EACCES));
	selection_free(&sel);

	/* No manifest where it is said to be. */
	ck_assert_int_eq(selected("/nonexistent", ARGS("anon"), &sel, err, sizeof(err)), -1);
	EXPECT_CONTAINS(err, "cannot read the manifest /nonexistent/manifest.tsv");
	selection_free(&sel);
}
END_TEST

START_TEST(manifest_add_path_names)
{
	struct manifest m = { 0 };

	/* Programs that do not answer --describe: the defaults. */
	manifest_add_path(&m, "/nonexistent/cases/anon/zero-fill", NULL, 10);
	manifest_add_path(&m, "./nonexistent/tests/fixtures/pass", NULL, 10);
	manifest_add_path(&m, "./pass-nonexistent", NULL, 10);
	manifest_add_path(&m, "/nonexistent/x/prog", NULL, 10);
	ck_assert_uint_eq(m.n, 4);

	const struct case_entry *c = &m.cases[0];
	ck_assert_str_eq(c->id, "anon/zero-fill");
	ck_assert_str_eq(c->program, "anon/zero-fill");
	ck_assert_str_eq(c->group, "anon");
	ck_assert_str_eq(c->path, "/nonexistent/cases/anon/zero-fill");
	ck_assert_str_eq(c->variant, "");
	ck_assert_str_eq(c->profile, "");
	ck_assert_str_eq(c->needs, "");
	ck_assert_str_eq(c->spec, "");
	ck_assert_str_eq(c->assertion, "(named on the command line)");
	ck_assert_int_eq(c->timeout, 10);

	c = &m.cases[1];
	ck_assert_str_eq(c->id, "nonexistent/tests/fixtures/pass");
	ck_assert_str_eq(c->program, "nonexistent/tests/fixtures/pass");
	ck_assert_str_eq(c->group, "fixtures");
	ck_assert_str_eq(c->path, "./nonexistent/tests/fixtures/pass");

	c = &m.cases[2];
	ck_assert_str_eq(c->id, "pass-nonexistent");
	ck_assert_str_eq(c->group, "");
	ck_assert_str_eq(c->path, "./pass-nonexistent");

	c = &m.cases[3];
	ck_assert_str_eq(c->id, "/nonexistent/x/prog");
	ck_assert_str_eq(c->group, "x");
	ck_assert_str_eq(c->path, "/nonexistent/x/prog");
	ck_assert(case_matches(c, "x"));
	manifest_free(&m);
}
END_TEST

/* The cleanup of a case's directory: what the case made unreadable goes, a
 * symbolic link is removed, never followed. */
/* In a fresh directory dir: dir/tree/<inner>, and dir/outside/keep. */
static void tree_and_outside(char *dir, char *tree, char *inner, const char *inner_name,
			     char *outside, char *keep)
{
	test_dir(dir, 4096);
	path_in(tree, 4096, dir, "tree");
	path_in(inner, 4096, tree, inner_name);
	path_in(outside, 4096, dir, "outside");
	path_in(keep, 4096, outside, "keep");
	ck_assert_int_eq(mkdir(tree, 0700), 0);
	ck_assert_int_eq(mkdir(inner, 0700), 0);
	ck_assert_int_eq(mkdir(outside, 0700), 0);
	write_file(keep, "x", 1);
}

START_TEST(remove_tree_keeps_what_is_outside)
{
	char dir[4096], tree[4096], sub[4096], outside[4096], keep[4096], link[4096];

	tree_and_outside(dir, tree, sub, "locked", outside, keep);
	path_in(link, sizeof(link), tree, "link");
	ck_assert_int_eq(symlink(outside, link), 0);
	ck_assert_int_eq(chmod(sub, 0), 0);
	ck_assert_int_eq(remove_tree(tree), 0);
	ck_assert_int_eq(access(tree, F_OK), -1);
	ck_assert_int_eq(access(keep, F_OK), 0);
	ck_assert_int_eq(remove_tree(tree), -1);	/* gone already */
	path_in(link, sizeof(link), dir, "file");
	write_file(link, "x", 1);
	ck_assert_int_eq(remove_tree(link), 0);	/* a file: unlinked */
}
END_TEST

/* As root: a directory bind-mounted into the tree, or over it, keeps its
 * files; the cleanup stops at the mount point. */
START_TEST(remove_tree_stops_at_mount_points)
{
#ifdef __linux__
	char dir[4096], tree[4096], mnt[4096], src[4096], keep[4096];

	if (geteuid() != 0)
		return;
	tree_and_outside(dir, tree, mnt, "mnt", src, keep);
	if (mount(src, mnt, NULL, MS_BIND, NULL) < 0)
		return;		/* no mounts here (a container) */
	ck_assert_int_eq(remove_tree(tree), -1);	/* mnt is busy */
	ck_assert_int_eq(access(keep, F_OK), 0);
	ck_assert_int_eq(umount(mnt), 0);
	/* Mounted over the tree itself. */
	ck_assert_int_eq(mount(src, tree, NULL, MS_BIND, NULL), 0);
	ck_assert_int_eq(remove_tree(tree), -1);
	ck_assert_int_eq(errno, EBUSY);
	ck_assert_int_eq(access(keep, F_OK), 0);
	ck_assert_int_eq(umount(tree), 0);
	ck_assert_int_eq(remove_tree(tree), 0);
#endif
}
END_TEST

/* --describe's runner: output, exit status, the time limit. */
START_TEST(run_isolated_limits_time)
{
	struct buf out = { 0 };
	int timed_out;
	char *say[] = { (char *)"/bin/sh", (char *)"-c", (char *)"echo hello; exit 3", NULL };
	char *hang[] = { (char *)"/bin/sh", (char *)"-c",
			 (char *)"(setsid sleep 100 &); kill -STOP $$", NULL };
	char *none[] = { (char *)"/nonexistent/program", NULL };

	int status = run_isolated(say, 5, &out, &timed_out);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 3);
	ck_assert(!timed_out);
	ck_assert_str_eq(out.data, "hello\n");
	buf_free(&out);
	double t0 = now_seconds();
	status = run_isolated(hang, 0.3, &out, &timed_out);
	ck_assert(timed_out);
	ck_assert(now_seconds() - t0 < 5);
	ck_assert(WIFSIGNALED(status));
	status = run_isolated(none, 5, &out, &timed_out);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 127);
	buf_free(&out);
}
END_TEST

/* A program built with the case library says its metadata on --describe:
 * one entry per variant, through the wrapper when there is one. */
START_TEST(manifest_add_path_describes)
{
	static const char script[] =
		"#!/bin/sh\n"
		"[ \"$1\" = --describe ] || exit 99\n"
		"printf 'assertion: a \"rule\"\\nspec: POSIX mmap()\\nprofile: linux\\n'\n"
		"printf 'needs: memfd_create\\nvariants: shm file\\ntimeout: 30\\n'\n";
	char dir[4096], sub[4200], prog[4300];
	struct manifest m = { 0 };

	test_dir(dir, sizeof(dir));
	path_in(sub, sizeof(sub), dir, "cases");
	ck_assert_int_eq(mkdir(sub, 0700), 0);
	path_in(sub, sizeof(sub), dir, "cases/anon");
	ck_assert_int_eq(mkdir(sub, 0700), 0);
	path_in(prog, sizeof(prog), sub, "described");
	write_str(prog, script);
	ck_assert_int_eq(chmod(prog, 0700), 0);

	manifest_add_path(&m, prog, NULL, 10);
	ck_assert_uint_eq(m.n, 2);
	for (size_t i = 0; i < 2; i++) {
		const struct case_entry *c = &m.cases[i];
		ck_assert_str_eq(c->id, i ? "anon/described:file" : "anon/described:shm");
		ck_assert_str_eq(c->variant, i ? "file" : "shm");
		ck_assert_str_eq(c->program, "anon/described");
		ck_assert_str_eq(c->group, "anon");
		ck_assert_str_eq(c->profile, "linux");
		ck_assert_str_eq(c->spec, "POSIX mmap()");
		ck_assert_str_eq(c->assertion, "a \"rule\"");
		ck_assert_int_eq(c->timeout, 30);
		ck_assert_str_eq(c->path, prog);
		ck_assert(case_matches(c, "anon/described"));
	}
	manifest_free(&m);

	/* Through a wrapper: what the wrapper makes of it counts. */
	manifest_add_path(&m, prog, "env MMAPCTS_UNUSED=1", 10);
	ck_assert_uint_eq(m.n, 2);
	ck_assert_str_eq(m.cases[1].id, "anon/described:file");
	manifest_free(&m);
	manifest_add_path(&m, prog, "false", 10);
	ck_assert_uint_eq(m.n, 1);
	ck_assert_str_eq(m.cases[0].id, "anon/described");
	ck_assert_str_eq(m.cases[0].assertion, "(named on the command line)");
	ck_assert_int_eq(m.cases[0].timeout, 10);
	manifest_free(&m);
}
END_TEST

/* ------------------------------------------------------------------------
 * sink-record.c: the JSON record
 * ------------------------------------------------------------------------ */

/* What a record holds, as Python reads it; also refuses duplicate keys. */
static const char record_view_py[] =
	"import json, sys\n"
	"def no_dupes(pairs):\n"
	"    keys = [k for k, v in pairs]\n"
	"    if len(keys) != len(set(keys)):\n"
	"        raise ValueError('duplicate key in %r' % keys)\n"
	"    return dict(pairs)\n"
	"d = json.load(open(sys.argv[1], encoding='utf-8'), object_pairs_hook=no_dupes)\n"
	"assert d['format'] == 'mmapcts-record' and d['format_version'] == 1\n"
	"print('in_flight', d['in_flight'])\n"
	"print('complete', d['complete'], 'resumes', d['resumes'])\n"
	"print('cases', [c['id'] + ' ' + c['verdict'] for c in d['cases']])\n"
	"if 'summary' in d:\n"
	"    assert d['duration'] >= 0 and d['end'].endswith('Z')\n"
	"    print('summary', ' '.join('%s=%d' % kv for kv in d['summary'].items()))\n";

/* Every field of every case, and what the run and system parts say. */
static const char record_detail_py[] =
	"import json, sys\n"
	"d = json.load(open(sys.argv[1], encoding='utf-8'))\n"
	"keys = ('id', 'group', 'profile', 'variant', 'verdict', 'exit_code', 'signal',\n"
	"        'message', 'observations', 'expected', 'output', 'output_bytes', 'output_truncated',\n"
	"        'spec', 'assertion')\n"
	"for c in d['cases']:\n"
	"    more = ('duration', 'result_bytes', 'observations_truncated')\n"
	"    assert sorted(c) == sorted(keys + more), sorted(c)\n"
	"    print(ascii([c[k] for k in keys]))\n"
	"r = d['run']\n"
	"print(ascii([r['argv'], r['jobs'], r['timeout_multiplier'], r['timeout'],\n"
	"             r['profile'], r['wrapper'], r['output_cap']]))\n"
	"s = d['system']\n"
	"print(ascii([s['os'], s['kernel_version'], s['libc'], s['page_size'],\n"
	"             s['tmpdir']['path'], s['emulation']]))\n"
	"print(ascii(d['suite']['name']), d['run']['start'].endswith('Z'))\n";

/* Copy the record as it is now to <dir>/step-<n>.json; that copy must
 * parse, and Python's view of it must be want. */
#define expect_record(dir, record, step, want) expect_record_at(__LINE__, dir, record, step, want)
static void expect_record_at(int line, const char *dir, const char *record, int step,
			     const char *want)
{
	char name[64], snap[4200];
	struct buf content = { 0 }, out = { 0 };

	snprintf(name, sizeof(name), "step-%d.json", step);
	path_in(snap, sizeof(snap), dir, name);
	read_file(record, &content);
	write_file(snap, content.data, content.len);
	ck_assert_msg(json_parses(snap, 0), "line %d, step %d: the record is not valid JSON:\n%s",
		      line, step, content.data);
	int status = python(dir, record_view_py, snap, &out);
	ck_assert_msg(status == 0, "line %d, step %d: %s", line, step, out.data);
	ck_assert_msg(!strcmp(out.data, want), "line %d, step %d: got\n%swant\n%s", line, step,
		      out.data, want);
	buf_free(&content);
	buf_free(&out);
}

/* The run as record_open() and stream_begin() take it, starting now. */
#define RUN(s, o, argc, argv) \
	(&(struct run_info){ (s), (o), (argc), (argv), time(NULL), NULL, NULL, NULL })

static void weird_sysinfo(struct sysinfo *s)
{
	memset(s, 0, sizeof(*s));
	snprintf(s->os, sizeof(s->os), "Linux");
	snprintf(s->kernel_release, sizeof(s->kernel_release), "6.1.0-test");
	snprintf(s->kernel_version, sizeof(s->kernel_version), "#1 SMP \"q\" \\ \x01\xff");
	snprintf(s->machine, sizeof(s->machine), "x86_64");
	snprintf(s->libc_name, sizeof(s->libc_name), "glibc");
	snprintf(s->libc_version, sizeof(s->libc_version), "2.36");
	s->page_size = 4096;
	s->cpus = 4;
	snprintf(s->tmpdir, sizeof(s->tmpdir), "/tmp/a<b>&\"c\"");
	snprintf(s->tmpdir_fstype, sizeof(s->tmpdir_fstype), "tmpfs");
	snprintf(s->emulation, sizeof(s->emulation), "qemu-x86_64 -cpu 'max'");
}

/* This run's tally, kept beside the record and the stream as the runner's
 * core keeps it; each close hands it over and starts the next run afresh. */
static struct tally run_tally;

static void record_case(struct record *rec, const struct result *r)
{
	record_result(rec, r);
	tally_result(&run_tally, r);
}

static void record_end(struct record *rec, double duration)
{
	char err[512];

	ck_assert_int_eq(record_close(rec, duration, 0, &run_tally, err, sizeof(err)), 0);
	memset(&run_tally, 0, sizeof(run_tally));
}

static void stream_case_started(struct stream *st, const char *id)
{
	stream_started(st, id);
	tally_started(&run_tally);
}

static void stream_case(struct stream *st, const struct result *r)
{
	stream_result(st, r);
	tally_result(&run_tally, r);
}

static void stream_end(struct stream *st, double duration, int interrupted)
{
	stream_close(st, duration, interrupted, &run_tally);
	memset(&run_tally, 0, sizeof(run_tally));
}

START_TEST(record_valid_after_every_step)
{
	char dir[4096], path[4200], err[512] = "";
	char long_id[256];
	struct sysinfo s;
	struct options o;
	struct record rec;
	struct buf want = { 0 }, content = { 0 }, out = { 0 };
	char *argv[] = { (char *)"mmapcts", (char *)"--wrapper", (char *)"env A=\"b c\"",
			 (char *)"sel\xff\n", NULL };

	test_dir(dir, sizeof(dir));
	path_in(path, sizeof(path), dir, "run.json");
	weird_sysinfo(&s);
	parse_ok(&o, ARGS("-j", "2", "-t", "1.5"));
	o.wrapper = "env A=\"b c\"";

	/* A long id: its in-flight entry makes the tail shrink later. */
	memset(long_id, 'x', sizeof(long_id));
	memcpy(long_id, "munmap/", 7);
	long_id[200] = '\0';
	struct case_entry long_case = case_c;
	long_case.id = long_id;

	ck_assert_int_eq(record_open(&rec, path, RUN(&s, &o, 4, argv), err, sizeof(err)), 0);
	expect_record(dir, path, 1, "in_flight []\ncomplete False resumes 0\ncases []\n");

	record_started(&rec, "anon/a");
	expect_record(dir, path, 2, "in_flight ['anon/a']\ncomplete False resumes 0\ncases []\n");

	record_started(&rec, long_id);
	buf_printf(&want, "in_flight ['anon/a', '%s']\ncomplete False resumes 0\ncases []\n",
		   long_id);
	expect_record(dir, path, 3, want.data);

	struct result *a = make_result(&case_a, OUT_PASS, 0, 0, NULL);
	a->duration = 0.25;
	record_case(&rec, a);
	want.len = 0;
	buf_printf(&want, "in_flight ['%s']\ncomplete False resumes 0\ncases ['anon/a PASS']\n",
		   long_id);
	expect_record(dir, path, 4, want.data);

	record_started(&rec, "anon/b:shm");
	want.len = 0;
	buf_printf(&want, "in_flight ['%s', 'anon/b:shm']\ncomplete False resumes 0\n"
		   "cases ['anon/a PASS']\n", long_id);
	expect_record(dir, path, 5, want.data);

	struct result *l = make_result(&long_case, OUT_CRASH, -1, SIGSEGV, "killed by SIGSEGV");
	record_case(&rec, l);
	want.len = 0;
	buf_printf(&want, "in_flight ['anon/b:shm']\ncomplete False resumes 0\n"
		   "cases ['anon/a PASS', '%s CRASH']\n", long_id);
	expect_record(dir, path, 6, want.data);

	struct result *b = make_result(&case_b, OUT_FAIL, 1, 0, "said \"no\"\n\x01 \xff end");
	b->observations = xcalloc(2, sizeof(char *));
	b->observations[0] = xstrdup("size=4096");
	b->observations[1] = xstrdup("eq=a=b");
	b->nobs = 2;
	b->output.cap = 8;
	capture_add(&b->output, "out\0put\xfe more", 13);
	record_case(&rec, b);
	want.len = 0;
	buf_printf(&want, "in_flight []\ncomplete False resumes 0\n"
		   "cases ['anon/a PASS', '%s CRASH', 'anon/b:shm FAIL']\n", long_id);
	expect_record(dir, path, 7, want.data);

	record_end(&rec, 1.5);
	ck_assert_int_eq(rec.fd, -1);
	want.len = 0;
	buf_printf(&want, "in_flight []\ncomplete True resumes 0\n"
		   "cases ['anon/a PASS', '%s CRASH', 'anon/b:shm FAIL']\n"
		   "summary PASS=1 FAIL=1 UNRESOLVED=0 UNSUPPORTED=0 UNTESTED=0 TIMEOUT=0 CRASH=1 expected=0\n",
		   long_id);
	expect_record(dir, path, 8, want.data);

	/* The final file has no padding left: it ends with the document. */
	read_file(path, &content);
	ck_assert_uint_ge(content.len, 3);
	ck_assert_str_eq(content.data + content.len - 3, "\n}\n");

	/* Every field, as written. */
	ck_assert_int_eq(python(dir, record_detail_py, path, &out), 0);
	want.len = 0;
	buf_printf(&want,
		   "['anon/a', 'anon', 'posix', '', 'PASS', 0, None, None, {}, None, '', 0, False, "
		   "'POSIX mmap() MAP_ANONYMOUS', 'a \"quoted\" rule']\n"
		   "['%s', 'munmap', 'posix', '', 'CRASH', None, 'SIGSEGV', 'killed by SIGSEGV', "
		   "{}, None, '', 0, False, 'POSIX munmap()', 'c']\n"
		   "['anon/b:shm', 'anon', 'linux', 'shm', 'FAIL', 1, None, "
		   "'said \"no\"\\n\\x01 \\ufffd end', {'size': '4096', 'eq': 'a=b'}, None, "
		   "'out\\x00put\\ufffd', 13, True, 'Linux mmap(2)', \"b <holds> & 'stays'\"]\n"
		   "[['mmapcts', '--wrapper', 'env A=\"b c\"', 'sel\\ufffd\\n'], 2, 1.5, 0, 'all', "
		   "'env A=\"b c\"', 65536]\n"
		   "['Linux', '#1 SMP \"q\" \\\\ \\x01\\ufffd', {'name': 'glibc', 'version': '2.36'}, "
		   "4096, '/tmp/a<b>&\"c\"', \"qemu-x86_64 -cpu 'max'\"]\n"
		   "'mmapcts' True\n", long_id);
	ck_assert_msg(!strcmp(out.data, want.data), "got\n%swant\n%s", out.data, want.data);

	result_free(a);
	result_free(l);
	result_free(b);
	free_options(&o);
	buf_free(&want);
	buf_free(&content);
	buf_free(&out);
}
END_TEST

START_TEST(record_close_with_cases_in_flight)
{
	char dir[4096], path[4200], err[512] = "";
	char *argv[] = { (char *)"mmapcts", NULL };
	struct sysinfo s;
	struct options o;
	struct record rec;

	test_dir(dir, sizeof(dir));
	path_in(path, sizeof(path), dir, "cut.json");
	weird_sysinfo(&s);
	parse_ok(&o, ARGS("--no-json"));
	ck_assert_int_eq(record_open(&rec, path, RUN(&s, &o, 1, argv), err, sizeof(err)), 0);
	record_end(&rec, 0.0);
	expect_record(dir, path, 1, "in_flight []\ncomplete True resumes 0\ncases []\n"
		      "summary PASS=0 FAIL=0 UNRESOLVED=0 UNSUPPORTED=0 UNTESTED=0 TIMEOUT=0 CRASH=0 expected=0\n");

	/* Interrupted: a case still running makes the record incomplete. */
	ck_assert_int_eq(record_open(&rec, path, RUN(&s, &o, 1, argv), err, sizeof(err)), 0);
	record_started(&rec, "anon/a");
	record_started(&rec, "anon/b:shm");
	record_end(&rec, 0.5);
	expect_record(dir, path, 2, "in_flight ['anon/a', 'anon/b:shm']\n"
		      "complete False resumes 0\ncases []\n"
		      "summary PASS=0 FAIL=0 UNRESOLVED=0 UNSUPPORTED=0 UNTESTED=0 TIMEOUT=0 CRASH=0 expected=0\n");
	free_options(&o);
}
END_TEST

/* A record r.json in a fresh directory, of weird_sysinfo() and --no-json;
 * opened when open is set. */
struct fresh_record {
	char dir[4096], path[4200], err[512];
	struct sysinfo s;
	struct options o;
	struct record rec;
};

static void fresh_record(struct fresh_record *f, int open)
{
	char *argv[] = { (char *)"mmapcts", NULL };

	test_dir(f->dir, sizeof(f->dir));
	path_in(f->path, sizeof(f->path), f->dir, "r.json");
	weird_sysinfo(&f->s);
	parse_ok(&f->o, ARGS("--no-json"));
	if (open)
		ck_assert_int_eq(record_open(&f->rec, f->path, RUN(&f->s, &f->o, 1, argv), f->err,
					     sizeof(f->err)), 0);
}

/* Interrupted between two cases: nothing in flight, yet the cases after
 * never ran; the record is not complete (as the stream says). */
START_TEST(record_close_interrupted_is_incomplete)
{
	struct fresh_record f;
	struct tally t = { 0 };
	struct buf text = { 0 };

	fresh_record(&f, 1);
	ck_assert_int_eq(record_close(&f.rec, 0.1, 1, &t, f.err, sizeof(f.err)), 0);
	ck_assert(json_parses(f.path, 0));
	read_file(f.path, &text);
	EXPECT_CONTAINS(text.data, "\"complete\": false");
	buf_free(&text);
	free_options(&f.o);
}
END_TEST

/* A write that fails (here: past RLIMIT_FSIZE, as on a full disk) leaves
 * the record as it was, says so once, takes no more, and the end says the
 * record is short. */
START_TEST(record_write_failure_keeps_last_valid_state)
{
	struct fresh_record f;
	struct case_entry c = { .id = (char *)"anon/a", .program = (char *)"anon/a",
				.group = (char *)"anon", .profile = (char *)"posix",
				.variant = (char *)"", .needs = (char *)"", .spec = (char *)"s",
				.assertion = (char *)"a" };
	struct result r = { .c = &c, .outcome = OUT_PASS };
	struct tally t = { 0 };
	struct buf before = { 0 }, after = { 0 };

	fresh_record(&f, 1);
	record_started(&f.rec, "anon/a");
	record_result(&f.rec, &r);
	record_started(&f.rec, "anon/a");
	read_file(f.path, &before);

	/* The file may not grow by more than 100 bytes: half a case line.  In
	 * a child: check itself writes files. */
	r.output.cap = 4096;
	for (int i = 0; i < 5000; i++)
		capture_add(&r.output, "x", 1);
	int said[2];
	ck_assert_int_eq(pipe(said), 0);
	pid_t pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		struct rlimit lim = { (rlim_t)before.len + 100, (rlim_t)before.len + 100 };
		signal(SIGXFSZ, SIG_IGN);
		if (setrlimit(RLIMIT_FSIZE, &lim) < 0)
			_exit(3);
		record_result(&f.rec, &r);	/* fails: the file stays as it was */
		record_result(&f.rec, &r);	/* given up: no second try */
		int closed = record_close(&f.rec, 0.1, 0, &t, f.err, sizeof(f.err));
		_exit(write(said[1], f.err, strlen(f.err)) < 0 ? 4 : closed == -1 ? 0 : 5);
	}
	close(said[1]);
	int status;
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status));
	ck_assert_int_eq(WEXITSTATUS(status), 0);
	ssize_t n = read(said[0], f.err, sizeof(f.err) - 1);
	ck_assert_int_gt(n, 0);
	f.err[n] = '\0';
	close(said[0]);
	read_file(f.path, &after);
	ck_assert(json_parses(f.path, 0));
	ck_assert_uint_eq(after.len, before.len);
	ck_assert_str_eq(after.data, before.data);
	EXPECT_ONE_LINE(f.err);
	EXPECT_CONTAINS(f.err, "record NOT complete");
	EXPECT_CONTAINS(f.err, f.path);
	EXPECT_CONTAINS(f.err, strerror(EFBIG));
	EXPECT_CONTAINS(f.err, "1 cases kept");
	/* This process's copy: let go without writing. */
	close(f.rec.fd);
	for (size_t i = 0; i < f.rec.nin_flight; i++)
		free(f.rec.in_flight[i]);
	free(f.rec.in_flight);
	free(f.rec.path);
	buf_free(&f.rec.done_ids);
	buf_free(&f.rec.tail);
	buf_free(&before);
	buf_free(&after);
	buf_free(&r.output.kept);
	free_options(&f.o);
}
END_TEST

/* A second writer of one record refuses (the lock is the first's), and
 * leaves the record whole. */
START_TEST(record_locked_while_written)
{
	char *argv[] = { (char *)"mmapcts", NULL };
	struct fresh_record f;
	struct tally t = { 0 };
	int ready[2], done[2];
	char byte;

	fresh_record(&f, 0);
	ck_assert_int_eq(pipe(ready), 0);
	ck_assert_int_eq(pipe(done), 0);
	pid_t pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		if (record_open(&f.rec, f.path, RUN(&f.s, &f.o, 1, argv), f.err, sizeof(f.err)) < 0)
			_exit(1);
		record_started(&f.rec, "anon/a");
		if (write(ready[1], "r", 1) != 1 || read(done[0], &byte, 1) != 1)
			_exit(1);
		_exit(record_close(&f.rec, 0.1, 0, &t, f.err, sizeof(f.err)) < 0);
	}
	ck_assert_int_eq(read(ready[0], &byte, 1), 1);
	ck_assert_int_lt(record_open(&f.rec, f.path, RUN(&f.s, &f.o, 1, argv), f.err,
				     sizeof(f.err)), 0);
	EXPECT_ONE_LINE(f.err);
	EXPECT_CONTAINS(f.err, "another runner");
	char pidtext[32];
	snprintf(pidtext, sizeof(pidtext), "pid %ld", (long)pid);
	EXPECT_CONTAINS(f.err, pidtext);
	ck_assert_int_lt(record_resume(&f.rec, f.path, f.err, sizeof(f.err)), 0);
	EXPECT_CONTAINS(f.err, "another runner");
	ck_assert(json_parses(f.path, 0));	/* the first runner's, whole */
	ck_assert_int_eq(write(done[1], "d", 1), 1);
	int status;
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	/* Now free: it resumes. */
	ck_assert_int_eq(record_resume(&f.rec, f.path, f.err, sizeof(f.err)), 0);
	ck_assert_int_eq(record_close(&f.rec, 0.1, 0, &t, f.err, sizeof(f.err)), 0);
	for (int i = 0; i < 2; i++) {
		close(ready[i]);
		close(done[i]);
	}
	free_options(&f.o);
}
END_TEST

/* --resume takes only a record of this system and of the options that
 * decide verdicts; the refusal names the first difference. */
#define resume_mismatch(path, run, want) resume_mismatch_at(__LINE__, path, run, want)
static void resume_mismatch_at(int line, const char *path, const struct run_info *run,
			       const char *want)
{
	struct record rec;
	char err[1024] = "";
	struct buf before = { 0 }, after = { 0 };

	read_file(path, &before);
	ck_assert_msg(record_resume_run(&rec, path, run, err, sizeof(err)) < 0,
		      "line %d: resumed, wanted \"%s\"", line, want);
	ck_assert_msg(err[0] && !strchr(err, '\n') && strstr(err, path) && strstr(err, want),
		      "line %d: error \"%s\", wanted one line holding \"%s\"", line,
		      show(0, err, strlen(err)), want);
	read_file(path, &after);
	ck_assert_str_eq(after.data, before.data);
	buf_free(&before);
	buf_free(&after);
}

START_TEST(record_resume_must_match_the_run)
{
	char dir[4096], path[4200], err[512] = "";
	char *argv[] = { (char *)"mmapcts", (char *)"--fault", (char *)"private-writes-reach-file",
			 (char *)"-t", (char *)"2", (char *)"--wrapper", (char *)"env A=\"b c\"",
			 (char *)"anon", (char *)"munmap/*", NULL };
	char *plain[] = { (char *)"mmapcts", (char *)"anon", NULL };
	struct sysinfo s, other;
	struct options o, now;
	struct record rec;
	struct tally t = { 0 };

	test_dir(dir, sizeof(dir));
	path_in(path, sizeof(path), dir, "r.json");
	weird_sysinfo(&s);
	parse_ok(&o, ARGS("--fault", "private-writes-reach-file", "-t", "2", "--wrapper",
			  "env A=\"b c\"", "anon", "munmap/*"));
	ck_assert_int_eq(record_open(&rec, path, RUN(&s, &o, 9, argv), err, sizeof(err)), 0);
	ck_assert_int_eq(record_close(&rec, 0.1, 1, &t, err, sizeof(err)), 0);

	/* The same run, with other outputs and -j: it resumes. */
	parse_ok(&now, ARGS("-j", "7", "--resume", path, "--fault", "private-writes-reach-file",
			    "-t", "2", "--wrapper", "env A=\"b c\"", "anon", "munmap/*"));
	ck_assert_int_eq(record_resume_run(&rec, path, RUN(&s, &now, 1, plain), err,
					   sizeof(err)), 0);
	ck_assert_int_eq(record_close(&rec, 0.1, 0, &t, err, sizeof(err)), 0);
	free_options(&now);

	other = s;
	snprintf(other.machine, sizeof(other.machine), "s390x");
	resume_mismatch(path, RUN(&other, &o, 1, plain), "system.machine: the record has "
			"\"x86_64\", this system \"s390x\"");
	other = s;
	other.page_size = 65536;
	resume_mismatch(path, RUN(&other, &o, 1, plain), "system.page_size");
	other = s;
	snprintf(other.libc_version, sizeof(other.libc_version), "2.41");
	resume_mismatch(path, RUN(&other, &o, 1, plain), "system.libc");
	other = s;
	snprintf(other.tmpdir_fstype, sizeof(other.tmpdir_fstype), "ext4");
	resume_mismatch(path, RUN(&other, &o, 1, plain), "system.tmpdir.fstype");
	other = s;
	other.cpus = 64;			/* the number of CPUs decides nothing */
	snprintf(other.tmpdir, sizeof(other.tmpdir), "/elsewhere");
	ck_assert_int_eq(record_resume_run(&rec, path, RUN(&other, &o, 1, plain), err,
					   sizeof(err)), 0);
	ck_assert_int_eq(record_close(&rec, 0.1, 0, &t, err, sizeof(err)), 0);

	static const struct {
		const char *args[12];
		const char *want;
	} differ[] = {
		{ { "-t", "2", "--wrapper", "env A=\"b c\"", "anon", "munmap/*" },
		  "--fault: the record has private-writes-reach-file, this run none" },
		{ { "--fault", "private-writes-reach-file", "-t", "2", "anon", "munmap/*" },
		  "--wrapper" },
		{ { "--fault", "private-writes-reach-file", "-t", "2", "--wrapper",
		    "env A=\"b c\"", "-p", "linux", "anon", "munmap/*" }, "--profile: the record "
		  "has all, this run linux" },
		{ { "--fault", "private-writes-reach-file", "-t", "2", "--wrapper",
		    "env A=\"b c\"", "-g", "anon", "anon", "munmap/*" }, "--group: the record has "
		  "none, this run anon" },
		{ { "--fault", "private-writes-reach-file", "-t", "2", "--wrapper",
		    "env A=\"b c\"", "munmap" }, "the selection: the record has anon munmap/*, "
		  "this run munmap" },
		{ { "--fault", "private-writes-reach-file", "-t", "2", "--wrapper",
		    "env A=\"b c\"", "/bin/true" }, "this run /bin/true" },
		{ { "--fault", "private-writes-reach-file", "--wrapper", "env A=\"b c\"", "anon",
		    "munmap/*" }, "--timeout-multiplier: the record has 2, this run 1" },
		{ { "--fault", "private-writes-reach-file", "-t", "2", "--timeout", "9",
		    "--wrapper", "env A=\"b c\"", "anon", "munmap/*" }, "--timeout: the record "
		  "has 0, this run 9" },
		{ { "--fault", "private-writes-reach-file", "-t", "2", "--repeat", "3",
		    "--wrapper", "env A=\"b c\"", "anon", "munmap/*" }, "--repeat" },
	};
	for (size_t i = 0; i < sizeof(differ) / sizeof(differ[0]); i++) {
		const char *args[16] = { "mmapcts" };
		size_t n = 1;
		for (size_t k = 0; differ[i].args[k]; k++)
			args[n++] = differ[i].args[k];
		parse_ok(&now, args);
		resume_mismatch(path, RUN(&s, &now, 1, plain), differ[i].want);
		free_options(&now);
	}

	/* A record whose command line is gone or no longer parses. */
	struct buf text = { 0 };
	read_file(path, &text);
	char *av = strstr(text.data, "\"argv\": [");
	ck_assert_ptr_nonnull(av);
	memcpy(av, "\"argx\"", 6);
	write_file(path, text.data, text.len);
	resume_mismatch(path, RUN(&s, &o, 1, plain), "no command line");
	memcpy(av, "\"argv\"", 6);
	char *fault = strstr(av, "\"--fault\"");
	ck_assert_ptr_nonnull(fault);
	memcpy(fault, "\"--faux\" ", 9);
	write_file(path, text.data, text.len);
	resume_mismatch(path, RUN(&s, &o, 1, plain), "does not parse here: unknown option "
			"'--faux'");
	buf_free(&text);
	free_options(&o);

	/* Words the record escapes come back as they were: it resumes. */
	char *odd[] = { (char *)"mmapcts", (char *)"a\tb\nc\r\x01/\xc3\xa9\xe2\x82\xac\\", NULL };
	parse_ok(&o, (const char **)odd);
	ck_assert_int_eq(record_open(&rec, path, RUN(&s, &o, 2, odd), err, sizeof(err)), 0);
	ck_assert_int_eq(record_close(&rec, 0.1, 1, &t, err, sizeof(err)), 0);
	ck_assert_int_eq(record_resume_run(&rec, path, RUN(&s, &o, 2, odd), err, sizeof(err)), 0);
	ck_assert_int_eq(record_close(&rec, 0.1, 0, &t, err, sizeof(err)), 0);
	free_options(&o);
}
END_TEST

static void copy_file(const char *from, const char *to)
{
	struct buf b = { 0 };

	read_file(from, &b);
	write_file(to, b.data, b.len);
	buf_free(&b);
}

START_TEST(record_resume_continues)
{
	char dir[4096], path[4200], cut1[4200], cut2[4200], empty[4200], err[512] = "";
	char *argv[] = { (char *)"mmapcts", (char *)"anon", NULL };
	struct sysinfo s;
	struct options o;
	struct record rec;

	test_dir(dir, sizeof(dir));
	path_in(path, sizeof(path), dir, "run.json");
	path_in(cut1, sizeof(cut1), dir, "cut-after-result.json");
	path_in(cut2, sizeof(cut2), dir, "cut-in-flight.json");
	path_in(empty, sizeof(empty), dir, "cut-empty.json");
	sysinfo_collect(&s, dir);
	parse_ok(&o, ARGS("anon"));

	struct result *a = make_result(&case_a, OUT_PASS, 0, 0, NULL);
	struct result *b = make_result(&case_b, OUT_FAIL, 1, 0, "x.c:1: no");
	struct result *c = make_result(&case_c, OUT_UNSUPPORTED, 77, 0, "no munmap");

	ck_assert_int_eq(record_open(&rec, path, RUN(&s, &o, 2, argv), err, sizeof(err)), 0);
	copy_file(path, empty);
	record_started(&rec, case_a.id);
	record_case(&rec, a);
	record_started(&rec, case_b.id);
	record_case(&rec, b);
	copy_file(path, cut1);			/* after a result, before the close */
	record_started(&rec, case_c.id);
	copy_file(path, cut2);			/* with a case in flight */
	record_case(&rec, c);
	record_end(&rec, 2.0);
	expect_record(dir, path, 0, "in_flight []\ncomplete True resumes 0\n"
		      "cases ['anon/a PASS', 'anon/b:shm FAIL', 'munmap/c UNSUPPORTED']\n"
		      "summary PASS=1 FAIL=1 UNRESOLVED=0 UNSUPPORTED=1 UNTESTED=0 TIMEOUT=0 CRASH=0 expected=0\n");

	/* The cut record with c in flight: a and b are done, c is not. */
	expect_record(dir, cut2, 1, "in_flight ['munmap/c']\ncomplete False resumes 0\n"
		      "cases ['anon/a PASS', 'anon/b:shm FAIL']\n");
	ck_assert_int_eq(record_resume(&rec, cut2, err, sizeof(err)), 0);
	ck_assert_msg(record_has(&rec, "anon/a"), "anon/a not found");
	ck_assert_msg(record_has(&rec, "anon/b:shm"), "anon/b:shm not found");
	ck_assert(!record_has(&rec, "munmap/c"));
	ck_assert(!record_has(&rec, "anon"));
	ck_assert(!record_has(&rec, "anon/b"));
	ck_assert(!record_has(&rec, ""));
	ck_assert_uint_eq(rec.ncases, 2);
	ck_assert_uint_eq(rec.resumed_counts[OUT_PASS], 1);
	ck_assert_uint_eq(rec.resumed_counts[OUT_FAIL], 1);
	ck_assert_uint_eq(rec.nin_flight, 0);
	ck_assert_int_eq(rec.resumes, 1);
	expect_record(dir, cut2, 2, "in_flight []\ncomplete False resumes 1\n"
		      "cases ['anon/a PASS', 'anon/b:shm FAIL']\n");
	record_started(&rec, case_c.id);
	expect_record(dir, cut2, 3, "in_flight ['munmap/c']\ncomplete False resumes 1\n"
		      "cases ['anon/a PASS', 'anon/b:shm FAIL']\n");
	record_case(&rec, c);
	expect_record(dir, cut2, 4, "in_flight []\ncomplete False resumes 1\n"
		      "cases ['anon/a PASS', 'anon/b:shm FAIL', 'munmap/c UNSUPPORTED']\n");
	record_end(&rec, 1.0);
	expect_record(dir, cut2, 5, "in_flight []\ncomplete True resumes 1\n"
		      "cases ['anon/a PASS', 'anon/b:shm FAIL', 'munmap/c UNSUPPORTED']\n"
		      "summary PASS=1 FAIL=1 UNRESOLVED=0 UNSUPPORTED=1 UNTESTED=0 TIMEOUT=0 CRASH=0 expected=0\n");

	/* Resumed again (complete already): nothing left, counted twice. */
	ck_assert_int_eq(record_resume(&rec, cut2, err, sizeof(err)), 0);
	ck_assert(record_has(&rec, "munmap/c"));
	ck_assert_uint_eq(rec.ncases, 3);
	expect_record(dir, cut2, 6, "in_flight []\ncomplete False resumes 2\n"
		      "cases ['anon/a PASS', 'anon/b:shm FAIL', 'munmap/c UNSUPPORTED']\n");
	record_end(&rec, 0.1);
	expect_record(dir, cut2, 7, "in_flight []\ncomplete True resumes 2\n"
		      "cases ['anon/a PASS', 'anon/b:shm FAIL', 'munmap/c UNSUPPORTED']\n"
		      "summary PASS=1 FAIL=1 UNRESOLVED=0 UNSUPPORTED=1 UNTESTED=0 TIMEOUT=0 CRASH=0 expected=0\n");

	/* Cut right after a result. */
	expect_record(dir, cut1, 8, "in_flight []\ncomplete False resumes 0\n"
		      "cases ['anon/a PASS', 'anon/b:shm FAIL']\n");
	ck_assert_int_eq(record_resume(&rec, cut1, err, sizeof(err)), 0);
	ck_assert(record_has(&rec, "anon/a") && record_has(&rec, "anon/b:shm"));
	expect_record(dir, cut1, 9, "in_flight []\ncomplete False resumes 1\n"
		      "cases ['anon/a PASS', 'anon/b:shm FAIL']\n");
	record_end(&rec, 0.1);
	expect_record(dir, cut1, 10, "in_flight []\ncomplete True resumes 1\n"
		      "cases ['anon/a PASS', 'anon/b:shm FAIL']\n"
		      "summary PASS=1 FAIL=1 UNRESOLVED=0 UNSUPPORTED=0 UNTESTED=0 TIMEOUT=0 CRASH=0 expected=0\n");

	/* Cut before any case: the first case line after a resume. */
	ck_assert_int_eq(record_resume(&rec, empty, err, sizeof(err)), 0);
	ck_assert_uint_eq(rec.ncases, 0);
	ck_assert(!record_has(&rec, "anon/a"));
	expect_record(dir, empty, 11, "in_flight []\ncomplete False resumes 1\ncases []\n");
	record_started(&rec, case_a.id);
	record_case(&rec, a);
	expect_record(dir, empty, 12, "in_flight []\ncomplete False resumes 1\n"
		      "cases ['anon/a PASS']\n");
	record_end(&rec, 0.1);
	expect_record(dir, empty, 13, "in_flight []\ncomplete True resumes 1\n"
		      "cases ['anon/a PASS']\n"
		      "summary PASS=1 FAIL=0 UNRESOLVED=0 UNSUPPORTED=0 UNTESTED=0 TIMEOUT=0 CRASH=0 expected=0\n");

	result_free(a);
	result_free(b);
	result_free(c);
	free_options(&o);
}
END_TEST

/* A record cut in the middle of writing a case line keeps the cases before. */
START_TEST(record_resume_after_torn_case_line)
{
	char dir[4096], path[4200], err[512] = "";
	char *argv[] = { (char *)"mmapcts", NULL };
	struct sysinfo s;
	struct options o;
	struct record rec;
	struct buf text = { 0 };

	test_dir(dir, sizeof(dir));
	path_in(path, sizeof(path), dir, "torn.json");
	weird_sysinfo(&s);
	parse_ok(&o, ARGS("-j1"));
	struct result *a = make_result(&case_a, OUT_PASS, 0, 0, NULL);
	struct result *b = make_result(&case_b, OUT_FAIL, 1, 0, "boom");
	ck_assert_int_eq(record_open(&rec, path, RUN(&s, &o, 1, argv), err, sizeof(err)), 0);
	record_case(&rec, a);
	record_case(&rec, b);
	record_end(&rec, 1.0);

	read_file(path, &text);
	char *second = strstr(text.data, "\n  {\"id\": \"anon/b:shm\"");
	ck_assert_ptr_nonnull(second);
	write_file(path, text.data, (size_t)(second - text.data) + 30);
	ck_assert(!json_parses(path, 1));

	ck_assert_int_eq(record_resume(&rec, path, err, sizeof(err)), 0);
	ck_assert(record_has(&rec, "anon/a"));
	ck_assert(!record_has(&rec, "anon/b:shm"));
	expect_record(dir, path, 1, "in_flight []\ncomplete False resumes 1\n"
		      "cases ['anon/a PASS']\n");
	record_case(&rec, b);
	record_end(&rec, 1.0);
	expect_record(dir, path, 2, "in_flight []\ncomplete True resumes 1\n"
		      "cases ['anon/a PASS', 'anon/b:shm FAIL']\n"
		      "summary PASS=1 FAIL=1 UNRESOLVED=0 UNSUPPORTED=0 UNTESTED=0 TIMEOUT=0 CRASH=0 expected=0\n");
	result_free(a);
	result_free(b);
	free_options(&o);
	buf_free(&text);
}
END_TEST

/* What a failed record_resume()/record_open() may leave for the caller. */
static void release_failed_record(struct record *rec)
{
	if (rec->fd >= 0 && rec->path)
		close(rec->fd);
	free(rec->path);
	rec->path = NULL;
}

/* record_resume() refuses path with one line naming it and holding want. */
#define resume_refused(path, want) resume_refused_at(__LINE__, path, want)
static void resume_refused_at(int line, const char *path, const char *want)
{
	struct record rec;
	char err[1024] = "";

	ck_assert_msg(record_resume(&rec, path, err, sizeof(err)) < 0, "line %d: %s: resumed",
		      line, path);
	ck_assert_msg(err[0] && !strchr(err, '\n') && strstr(err, path) && strstr(err, want),
		      "line %d: error \"%s\", wanted one line naming the file and holding \"%s\"",
		      line, show(0, err, strlen(err)), want);
	release_failed_record(&rec);
}

START_TEST(record_resume_errors)
{
	char dir[4096], path[4200], err[512] = "";
	char *argv[] = { (char *)"mmapcts", NULL };
	struct sysinfo s;
	struct options o;
	struct record rec;
	struct buf text = { 0 }, after = { 0 };

	test_dir(dir, sizeof(dir));
	weird_sysinfo(&s);
	parse_ok(&o, ARGS("-j1"));

	path_in(path, sizeof(path), dir, "missing.json");
	resume_refused(path, strerror(ENOENT));
	ck_assert_int_eq(access(path, F_OK), -1);	/* not created */

	path_in(path, sizeof(path), dir, "other.json");
	write_str(path, "{\"hello\": 1}\n");
	resume_refused(path, "not an mmapcts record");
	read_file(path, &after);
	ck_assert_str_eq(after.data, "{\"hello\": 1}\n");	/* untouched */
	buf_free(&after);

	path_in(path, sizeof(path), dir, "empty.json");
	write_str(path, "");
	resume_refused(path, "not an mmapcts record");

	path_in(path, sizeof(path), dir, "nocases.json");
	write_str(path, "{\"format\": \"mmapcts-record\", \"format_version\": 1}\n");
	resume_refused(path, "no case list");

	/* A real record of another format version. */
	path_in(path, sizeof(path), dir, "v2.json");
	ck_assert_int_eq(record_open(&rec, path, RUN(&s, &o, 1, argv), err, sizeof(err)), 0);
	record_end(&rec, 0.0);
	read_file(path, &text);
	char *v = strstr(text.data, "\"format_version\": 1");
	ck_assert_ptr_nonnull(v);
	v[strlen("\"format_version\": ")] = '2';
	write_file(path, text.data, text.len);
	ck_assert(json_parses(path, 0));
	resume_refused(path, "format version 2");

	/* record_open(): a directory that does not exist. */
	path_in(path, sizeof(path), dir, "no/such/dir/r.json");
	ck_assert_int_lt(record_open(&rec, path, RUN(&s, &o, 1, argv), err, sizeof(err)), 0);
	EXPECT_ONE_LINE(err);
	EXPECT_CONTAINS(err, path);
	EXPECT_CONTAINS(err, strerror(ENOENT));
	release_failed_record(&rec);

	free_options(&o);
	buf_free(&text);
}
END_TEST

/* No function releases a record that failed to open, so it must hold
 * nothing: no descriptor, no memory. */
START_TEST(record_failure_holds_nothing)
{
	char dir[4096], path[4200], err[512];
	char *argv[] = { (char *)"mmapcts", NULL };
	struct record rec;
	struct sysinfo s;
	struct options o;
	size_t fds = open_fd_count();

	test_dir(dir, sizeof(dir));
	path_in(path, sizeof(path), dir, "other.json");
	write_str(path, "not a record\n");
	ck_assert_int_lt(record_resume(&rec, path, err, sizeof(err)), 0);
	size_t fds_after = open_fd_count();
	int fd = rec.fd;
	char *p = rec.path;
	release_failed_record(&rec);
	ck_assert_msg(fds_after == fds, "record_resume() failed and left %zu descriptor(s) open",
		      fds_after - fds);
	ck_assert_msg(fd == -1 && p == NULL, "record_resume() failed and kept fd %d, path %s",
		      fd, p ? "allocated" : "NULL");

	weird_sysinfo(&s);
	parse_ok(&o, ARGS("-j1"));
	path_in(path, sizeof(path), dir, "no/such/r.json");
	ck_assert_int_lt(record_open(&rec, path, RUN(&s, &o, 1, argv), err, sizeof(err)), 0);
	p = rec.path;
	release_failed_record(&rec);
	free_options(&o);
	ck_assert_msg(p == NULL, "record_open() failed and kept its path allocated");
}
END_TEST

START_TEST(result_json_is_one_object)
{
	char dir[4096], file[4200];
	struct buf b = { 0 }, out = { 0 };
	struct result *r = make_result(&case_b, OUT_TIMEOUT, -1, SIGKILL, NULL);

	test_dir(dir, sizeof(dir));
	path_in(file, sizeof(file), dir, "one.json");
	r->duration = 1.23456;
	capture_add(&r->output, "tab\there", 8);
	result_json(&b, r);
	ck_assert_msg(!strchr(b.data, '\n'), "a case line holds a newline: %s", b.data);
	write_file(file, b.data, b.len);
	ck_assert_int_eq(python(dir, "import json, sys\n"
				"c = json.load(open(sys.argv[1], encoding='utf-8'))\n"
				"print(ascii([c['id'], c['verdict'], c['duration'], c['exit_code'],"
				" c['signal'], c['message'], c['output']]))\n", file, &out), 0);
	ck_assert_str_eq(out.data,
			 "['anon/b:shm', 'TIMEOUT', 1.2346, None, 'SIGKILL', None, 'tab\\there']\n");
	result_free(r);
	buf_free(&b);
	buf_free(&out);
}
END_TEST

/* ------------------------------------------------------------------------
 * sink-stream.c: the stream
 * ------------------------------------------------------------------------ */

/* Every line of a stream, checked and summed up by Python: the prefix, the
 * numbering (from 1 again in each process that appends to the stream), one
 * JSON object per line; then each event in brief.
 * With a record as second argument, the begin event must carry exactly its
 * format, suite, system and run. */
static const char stream_view_py[] =
	"import json, re, sys\n"
	"data = open(sys.argv[1], 'rb').read().decode('utf-8')\n"
	"assert data.endswith('\\n'), 'the last line is cut'\n"
	"n = 0\n"
	"for line in data[:-1].split('\\n'):\n"
	"    m = re.fullmatch(r'@mmapcts-stream (\\d+) (\\{.*\\})', line)\n"
	"    assert m and int(m.group(1)) in (1, n + 1), (n, line[:80])\n"
	"    n = int(m.group(1))\n"
	"    e = json.loads(m.group(2))\n"
	"    if e['event'] == 'begin':\n"
	"        rec = e['record']\n"
	"        assert rec['format'] == 'mmapcts-record' and rec['format_version'] == 1\n"
	"        if len(sys.argv) > 2:\n"
	"            whole = json.load(open(sys.argv[2], encoding='utf-8'))\n"
	"            keys = ('format', 'format_version', 'suite', 'system', 'run')\n"
	"            assert rec == {k: whole[k] for k in keys}, (rec, whole)\n"
	"        print(n, 'begin', ascii(rec['run']['argv']), ascii(rec['system']['emulation']))\n"
	"    elif e['event'] == 'start':\n"
	"        print(n, 'start', e['id'])\n"
	"    elif e['event'] == 'result':\n"
	"        print(n, 'result', e['case']['id'], e['case']['verdict'],\n"
	"              ascii(e['case']['message']), ascii(e['case']['output']))\n"
	"    else:\n"
	"        assert e['event'] == 'end' and sorted(e) == ['complete', 'duration', 'end',\n"
	"            'event', 'summary'] and e['end'].endswith('Z'), e\n"
	"        print(n, 'end', e['duration'], e['complete'],\n"
	"              ' '.join('%s=%d' % kv for kv in e['summary'].items()))\n";

/* Python's view of the stream at path (and of the record, if not NULL). */
static void stream_view(const char *dir, const char *path, const char *record,
			struct buf *out)
{
	char args[9000];

	snprintf(args, sizeof(args), "%s' '%s", path, record ? record : "");
	if (!record)
		snprintf(args, sizeof(args), "%s", path);
	int status = python(dir, stream_view_py, args, out);
	ck_assert_msg(status == 0, "the stream does not read back: %s", out->data);
}

/* stderr into a file until stderr_back(): what a function says there. */
static int stderr_to(const char *path)
{
	int saved, fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	ck_assert_int_ge(fd, 0);
	fflush(stderr);
	saved = dup(STDERR_FILENO);
	ck_assert_int_eq(dup2(fd, STDERR_FILENO), STDERR_FILENO);
	close(fd);
	return saved;
}

static void stderr_back(int saved)
{
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
}

/* The number of write(2) calls this process has made, or -1 if unknown. */
static long write_calls(void)
{
	char line[128];
	long n = -1;
	FILE *f = fopen("/proc/self/io", "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "syscw: %ld", &n) == 1)
			break;
	fclose(f);
	return n;
}

/* Every event is a line of its own, numbered from 1, exactly as the format
 * says; the begin event carries what the record's head does. */
START_TEST(stream_one_line_per_event)
{
	char dir[4096], path[4200], record[4200], err[512] = "";
	char *argv[] = { (char *)"mmapcts", (char *)"--stream", (char *)"x", NULL };
	struct sysinfo s;
	struct options o;
	struct record rec;
	struct stream st;
	struct buf line = { 0 }, content = { 0 }, out = { 0 };

	test_dir(dir, sizeof(dir));
	path_in(path, sizeof(path), dir, "run.stream");
	path_in(record, sizeof(record), dir, "run.json");
	weird_sysinfo(&s);
	parse_ok(&o, ARGS("-j", "2"));
	const struct run_info *run = RUN(&s, &o, 3, argv);

	ck_assert_int_eq(record_open(&rec, record, run, err, sizeof(err)), 0);
	record_end(&rec, 0.0);
	ck_assert_int_eq(stream_open(&st, path, err, sizeof(err)), 0);
	stream_begin(&st, run);
	stream_case_started(&st, "anon/a");
	stream_case_started(&st, "anon/b:shm");
	struct result *a = make_result(&case_a, OUT_PASS, 0, 0, NULL);
	stream_case(&st, a);
	struct result *b = make_result(&case_b, OUT_FAIL, 1, 0, "two\nlines \"q\" \xff");
	b->expected = "known";
	capture_add(&b->output, "out\nput\r\n\x01", 10);
	stream_case(&st, b);
	ck_assert_uint_eq(st.seq, 5);
	stream_end(&st, 1.5, 0);
	ck_assert_int_eq(st.fd, -1);

	read_file(path, &content);
	EXPECT_CONTAINS(content.data, "@mmapcts-stream 1 {\"event\": \"begin\", \"record\": "
			"{\"format\": \"mmapcts-record\", \"format_version\": 1, \"suite\": "
			"{\"name\": \"mmapcts\", ");
	EXPECT_CONTAINS(content.data, "\n@mmapcts-stream 2 {\"event\": \"start\", "
			"\"id\": \"anon/a\"}\n");
	/* The result event holds result_json()'s object, byte for byte. */
	buf_puts(&line, "\n@mmapcts-stream 5 {\"event\": \"result\", \"case\": ");
	result_json(&line, b);
	buf_puts(&line, "}\n@mmapcts-stream 6 {\"event\": \"end\", \"end\": \"");
	EXPECT_CONTAINS(content.data, line.data);

	stream_view(dir, path, record, &out);
	ck_assert_str_eq(out.data,
			 "1 begin ['mmapcts', '--stream', 'x'] \"qemu-x86_64 -cpu 'max'\"\n"
			 "2 start anon/a\n"
			 "3 start anon/b:shm\n"
			 "4 result anon/a PASS None ''\n"
			 "5 result anon/b:shm FAIL 'two\\nlines \"q\" \\ufffd' 'out\\nput\\r\\n\\x01'\n"
			 "6 end 1.5 True PASS=1 FAIL=1 UNRESOLVED=0 UNSUPPORTED=0 UNTESTED=0 "
			 "TIMEOUT=0 CRASH=0 expected=1\n");
	result_free(a);
	result_free(b);
	free_options(&o);
	buf_free(&line);
	buf_free(&content);
	buf_free(&out);
}
END_TEST

/* One write(2) per line, whatever its length, so that a line is never
 * split by another writer of the same console. */
START_TEST(stream_writes_each_line_at_once)
{
	char dir[4096], path[4200], err[512] = "";
	struct stream st;
	struct result *big = make_result(&case_c, OUT_FAIL, 1, 0, "big");

	if (write_calls() < 0)
		return;		/* no /proc/self/io here: nothing to count with */
	test_dir(dir, sizeof(dir));
	path_in(path, sizeof(path), dir, "run.stream");
	ck_assert_int_eq(stream_open(&st, path, err, sizeof(err)), 0);
	for (int i = 0; i < 65536 / 8; i++)
		capture_add(&big->output, "\x01\"\\\n\xff<>&", 8);	/* escapes grow */

	long before = write_calls();
	stream_case_started(&st, "munmap/c");
	ck_assert_int_eq(write_calls() - before, 1);
	before = write_calls();
	stream_case(&st, big);
	ck_assert_int_eq(write_calls() - before, 1);
	before = write_calls();
	stream_end(&st, 2.0, 0);
	ck_assert_int_eq(write_calls() - before, 1);
	result_free(big);
}
END_TEST

/* The run is interrupted, or cases are still running: the end says so. */
START_TEST(stream_end_incomplete)
{
	char dir[4096], path[4200], err[512] = "";
	struct stream st;
	struct buf out = { 0 };

	test_dir(dir, sizeof(dir));
	path_in(path, sizeof(path), dir, "run.stream");
	ck_assert_int_eq(stream_open(&st, path, err, sizeof(err)), 0);
	stream_case_started(&st, "anon/a");
	stream_end(&st, 0.25, 0);
	/* O_APPEND: a stream opened again goes on after what is there. */
	ck_assert_int_eq(stream_open(&st, path, err, sizeof(err)), 0);
	stream_end(&st, 0.5, 1);
	stream_view(dir, path, NULL, &out);
	ck_assert_str_eq(out.data,
			 "1 start anon/a\n"
			 "2 end 0.25 False PASS=0 FAIL=0 UNRESOLVED=0 UNSUPPORTED=0 UNTESTED=0 "
			 "TIMEOUT=0 CRASH=0 expected=0\n"
			 "1 end 0.5 False PASS=0 FAIL=0 UNRESOLVED=0 UNSUPPORTED=0 UNTESTED=0 "
			 "TIMEOUT=0 CRASH=0 expected=0\n");
	buf_free(&out);
}
END_TEST

/* A channel that breaks is given up with one warning; the calls after it
 * write nothing and fail nothing. */
START_TEST(stream_write_failure_gives_up)
{
	char dir[4096], fifo[4200], errfile[4200], err[512] = "";
	struct stream st;
	struct buf said = { 0 }, want = { 0 };
	struct result *a = make_result(&case_a, OUT_PASS, 0, 0, NULL);

	test_dir(dir, sizeof(dir));
	path_in(fifo, sizeof(fifo), dir, "console");
	path_in(errfile, sizeof(errfile), dir, "stderr");
	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	int reader = open(fifo, O_RDONLY | O_NONBLOCK);
	ck_assert_int_ge(reader, 0);
	ck_assert_int_eq(stream_open(&st, fifo, err, sizeof(err)), 0);
	ck_assert_int_eq(close(reader), 0);	/* the other end goes away: EPIPE */
	signal(SIGPIPE, SIG_IGN);		/* as the runner does */

	int saved = stderr_to(errfile);
	stream_case_started(&st, "anon/a");
	int fd_after = st.fd;
	unsigned long seq = st.seq;
	stream_case(&st, a);
	stream_end(&st, 1.0, 0);
	stderr_back(saved);

	ck_assert_int_eq(fd_after, -1);
	ck_assert_uint_eq(st.seq, 0);		/* closed: all reset */
	ck_assert_uint_eq(seq, 1);
	read_file(errfile, &said);
	buf_printf(&want, "mmapcts: writing the stream %s: %s; going on without it\n", fifo,
		   strerror(EPIPE));
	ck_assert_str_eq(said.data, want.data);
	result_free(a);
	buf_free(&said);
	buf_free(&want);
}
END_TEST

/* What cannot be opened is refused with one line, holding nothing. */
START_TEST(stream_open_errors)
{
	char dir[4096], path[4200], err[512];
	struct stream st;
	struct stat sb;
	size_t fds = open_fd_count();

	test_dir(dir, sizeof(dir));
	path_in(path, sizeof(path), dir, "no/such/dir");
	ck_assert_int_eq(stream_open(&st, path, err, sizeof(err)), -1);
	EXPECT_ONE_LINE(err);
	EXPECT_CONTAINS(err, path);
	EXPECT_CONTAINS(err, strerror(ENOENT));
	ck_assert_int_eq(st.fd, -1);
	ck_assert_ptr_null(st.path);

	/* A FIFO nobody reads: refused at once, not waited on. */
	path_in(path, sizeof(path), dir, "fifo");
	ck_assert_int_eq(mkfifo(path, 0600), 0);
	ck_assert_int_eq(stream_open(&st, path, err, sizeof(err)), -1);
	EXPECT_CONTAINS(err, strerror(ENXIO));
	ck_assert_uint_eq(open_fd_count(), fds);

	/* A new file is made, rw-r--r-- less the umask. */
	umask(022);
	path_in(path, sizeof(path), dir, "new.stream");
	ck_assert_int_eq(stream_open(&st, path, err, sizeof(err)), 0);
	ck_assert_int_eq(stat(path, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0644);
	ck_assert_int_eq(fcntl(st.fd, F_GETFL) & (O_NONBLOCK | O_APPEND), O_APPEND);
	ck_assert_int_ne(fcntl(st.fd, F_GETFD) & FD_CLOEXEC, 0);
	stream_end(&st, 0, 0);
	ck_assert_uint_eq(open_fd_count(), fds);
}
END_TEST

/* ------------------------------------------------------------------------
 * expect.c
 * ------------------------------------------------------------------------ */

START_TEST(system_key_names_emulation)
{
	char key[1024], dir[4096], path[4200], err[512];
	struct sysinfo s;
	struct expectations e;

	weird_sysinfo(&s);
	system_key(key, sizeof(key), &s);
	ck_assert_str_eq(key, "Linux 6.1.0-test x86_64 glibc-2.36 tmpfs qemu-user");
	s.emulation[0] = '\0';
	system_key(key, sizeof(key), &s);
	ck_assert_str_eq(key, "Linux 6.1.0-test x86_64 glibc-2.36 tmpfs native");

	test_dir(dir, sizeof(dir));
	path_in(path, sizeof(path), dir, "exp.tsv");
	write_str(path, "# id\tverdict\tsystem\tevidence\n"
		  "a/any\tFAIL\tLinux * * * tmpfs *\tanywhere on tmpfs\n"
		  "a/qemu\tFAIL\t* * * * * qemu-*\tunder qemu only\n");
	ck_assert_int_eq(expectations_load(&e, path, err, sizeof(err)), 0);
	ck_assert_str_eq(expectation_for(&e, "a/any", OUT_FAIL, key), "anywhere on tmpfs");
	ck_assert_ptr_null(expectation_for(&e, "a/qemu", OUT_FAIL, key));
	ck_assert_str_eq(expectation_for(&e, "a/any", OUT_FAIL,
					 "Linux 6.1 x86_64 glibc-2.36 tmpfs qemu-user"),
			 "anywhere on tmpfs");
	ck_assert_str_eq(expectation_for(&e, "a/qemu", OUT_FAIL,
					 "Linux 6.1 x86_64 glibc-2.36 ext4 qemu-system"),
			 "under qemu only");
	expectations_free(&e);

	/* A directory reads as nothing: refused, never an empty file. */
	ck_assert_int_eq(expectations_load(&e, dir, err, sizeof(err)), -1);
	EXPECT_ONE_LINE(err);
	EXPECT_CONTAINS(err, dir);
	EXPECT_CONTAINS(err, strerror(EISDIR));
	ck_assert_uint_eq(e.n, 0);
	/* A verdict in lower case: refused at its line. */
	write_str(path, "# id\tverdict\tsystem\tevidence\na/x\tpass\t*\tno\n");
	ck_assert_int_eq(expectations_load(&e, path, err, sizeof(err)), -1);
	EXPECT_CONTAINS(err, ":2: unknown verdict 'pass'");
}
END_TEST

/* ------------------------------------------------------------------------
 * junit_write()
 * ------------------------------------------------------------------------ */

static const char junit_view_py[] =
	"import sys, xml.etree.ElementTree as ET\n"
	"try:\n"
	"    root = ET.parse(sys.argv[1]).getroot()\n"
	"except ET.ParseError as x:\n"
	"    sys.exit('ParseError: %s' % x)\n"
	"print(root.tag, len(root))\n"
	"ts = root[0]\n"
	"print(ts.tag, sorted(ts.attrib.items()))\n"
	"props = ts.find('properties')\n"
	"print(ascii([(p.get('name'), p.get('value')) for p in props]))\n"
	"for tc in ts.findall('testcase'):\n"
	"    print(ascii([tc.get('classname'), tc.get('name'), tc.get('time')] +\n"
	"                [[e.tag, e.get('type'), e.get('message'), e.text] for e in tc]))\n";

#define PKG "Linux_6_1_0_test_x86_64_glibc_2_36_tmpfs_qemu_user"
START_TEST(junit_elements_and_escaping)
{
	char dir[4096], file[4200];
	struct sysinfo s;
	struct buf out = { 0 };
	struct result *rs[7];

	test_dir(dir, sizeof(dir));
	path_in(file, sizeof(file), dir, "junit.xml");
	weird_sysinfo(&s);
	rs[0] = make_result(&case_a, OUT_PASS, 0, 0, NULL);
	capture_add(&rs[0]->output, "hi <there>\n", 11);
	rs[1] = make_result(&case_b, OUT_FAIL, 1, 0, "x < y && \"q\" 'a'\n\x01");
	capture_add(&rs[1]->output, "\xff]]>\0", 5);
	rs[2] = make_result(&case_c, OUT_TIMEOUT, -1, SIGKILL, "no verdict");
	rs[3] = make_result(&case_hash, OUT_CRASH, -1, SIGSEGV, "killed by SIGSEGV");
	rs[4] = make_result(&case_c, OUT_UNRESOLVED, 99, 0, "setup broke");
	rs[5] = make_result(&case_c, OUT_UNSUPPORTED, 77, 0, "no memfd");
	rs[6] = make_result(&case_c, OUT_UNTESTED, 77, 0, NULL);
	rs[0]->duration = 0.5;

	struct tally t = { 0 };
	for (int i = 0; i < 7; i++)
		tally_result(&t, rs[i]);
	FILE *f = fopen(file, "w");
	ck_assert_ptr_nonnull(f);
	junit_write(f, rs, 7, &(struct junit_run){ &s, "host<1>", 86400 * 365, 1.5 }, &t);
	ck_assert_int_eq(fclose(f), 0);

	int status = python(dir, junit_view_py, file, &out);
	ck_assert_msg(status == 0, "not well-formed XML: %s", out.data);
	static const char want[] =
		"testsuites 1\n"
		"testsuite [('errors', '1'), ('failures', '3'), ('hostname', 'host<1>'), "
		"('name', 'mmapcts Linux 6.1.0-test x86_64 glibc-2.36 tmpfs qemu-user'), "
		"('skipped', '2'), ('tests', '7'), ('time', '1.500'), "
		"('timestamp', '1971-01-01T00:00:00')]\n"
		"[('os', 'Linux'), ('kernel_release', '6.1.0-test'), ('machine', 'x86_64'), "
		"('libc', 'glibc'), ('libc_version', '2.36'), ('tmpdir_fstype', 'tmpfs'), "
		"('emulation', \"qemu-x86_64 -cpu 'max'\"), ('page_size', '4096'), "
		"('timestamp_zone', 'UTC')]\n"
		"['" PKG ".anon', 'anon/a', '0.5000', ['system-out', None, None, 'hi <there>\\n']]\n"
		"['" PKG ".anon', 'anon/b:shm', '0.0000', ['failure', 'FAIL', "
		"'x < y && \"q\" \\'a\\'\\n\\ufffd', None], "
		"['system-out', None, None, '\\ufffd]]>\\ufffd']]\n"
		"['" PKG ".munmap', 'munmap/c', '0.0000', ['failure', 'TIMEOUT', 'no verdict', None]]\n"
		"['" PKG ".odd', 'odd/na#me', '0.0000', ['failure', 'CRASH', 'killed by SIGSEGV', None]]\n"
		"['" PKG ".munmap', 'munmap/c', '0.0000', ['error', 'UNRESOLVED', 'setup broke', None]]\n"
		"['" PKG ".munmap', 'munmap/c', '0.0000', ['skipped', 'UNSUPPORTED', 'no memfd', None]]\n"
		"['" PKG ".munmap', 'munmap/c', '0.0000', ['skipped', 'UNTESTED', '', None]]\n";
	ck_assert_msg(!strcmp(out.data, want), "got\n%swant\n%s", out.data, want);
	for (int i = 0; i < 7; i++)
		result_free(rs[i]);
	buf_free(&out);
}
END_TEST

START_TEST(junit_empty_run)
{
	char dir[4096], file[4200];
	struct sysinfo s;
	struct buf out = { 0 };

	test_dir(dir, sizeof(dir));
	path_in(file, sizeof(file), dir, "junit.xml");
	weird_sysinfo(&s);
	FILE *f = fopen(file, "w");
	ck_assert_ptr_nonnull(f);
	junit_write(f, NULL, 0, &(struct junit_run){ &s, "h", 0, 0.0 }, &(struct tally){ 0 });
	ck_assert_int_eq(fclose(f), 0);
	ck_assert_int_eq(python(dir, "import sys, xml.etree.ElementTree as ET\n"
				"ts = ET.parse(sys.argv[1]).getroot()[0]\n"
				"print(sorted(ts.attrib.items()), len(ts.findall('testcase')))\n",
				file, &out), 0);
	ck_assert_str_eq(out.data, "[('errors', '0'), ('failures', '0'), ('hostname', 'h'), "
			 "('name', 'mmapcts Linux 6.1.0-test x86_64 glibc-2.36 tmpfs qemu-user'), "
			 "('skipped', '0'), ('tests', '0'), ('time', '0.000'), "
			 "('timestamp', '1970-01-01T00:00:00')] 0\n");
	buf_free(&out);
}
END_TEST

/* ------------------------------------------------------------------------
 * sysinfo.c
 * ------------------------------------------------------------------------ */

START_TEST(default_record_name_parts)
{
	struct sysinfo s;
	char name[256];

	memset(&s, 0, sizeof(s));
	snprintf(s.os, sizeof(s.os), "Linux");
	snprintf(s.kernel_release, sizeof(s.kernel_release), "6.1.0-13-amd64");
	snprintf(s.machine, sizeof(s.machine), "x86_64");
	snprintf(s.libc_name, sizeof(s.libc_name), "glibc");
	snprintf(s.libc_version, sizeof(s.libc_version), "2.36");
	default_record_name(name, sizeof(name), &s);
	ck_assert_str_eq(name, "mmapcts-linux-6.1.0-13-amd64-x86_64-glibc-2.36.json");

	/* Anything but letters, digits, dots and dashes becomes '_'. */
	snprintf(s.os, sizeof(s.os), "GNU/Hurd");
	snprintf(s.kernel_release, sizeof(s.kernel_release), "0.9 #1 (x)");
	snprintf(s.machine, sizeof(s.machine), "i686-AT386");
	snprintf(s.libc_name, sizeof(s.libc_name), "musl");
	snprintf(s.libc_version, sizeof(s.libc_version), "1.2.4\xc3\xa9");
	default_record_name(name, sizeof(name), &s);
	ck_assert_str_eq(name, "mmapcts-gnu_hurd-0.9__1__x_-i686-AT386-musl-1.2.4__.json");

	/* A small buffer: cut, still a string. */
	default_record_name(name, 16, &s);
	ck_assert_str_eq(name, "mmapcts-gnu_hur");

	/* The real system. */
	sysinfo_collect(&s, "/");
	default_record_name(name, sizeof(name), &s);
	ck_assert_msg(!strncmp(name, "mmapcts-", 8), "%s", name);
	ck_assert_str_eq(name + strlen(name) - 5, ".json");
	ck_assert_msg(strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			     "0123456789._-") == strlen(name), "%s", name);
	for (const char *p = name + 8; *p && *p != '-'; p++)
		ck_assert_msg(!(*p >= 'A' && *p <= 'Z'), "os part not lower case: %s", name);
}
END_TEST

START_TEST(fstype_names)
{
	ck_assert_str_eq(fstype_name(0xEF53), "ext4");
	ck_assert_str_eq(fstype_name(0x01021994), "tmpfs");
	ck_assert_str_eq(fstype_name(0x58465342), "xfs");
	ck_assert_str_eq(fstype_name(0x9123683E), "btrfs");
	ck_assert_str_eq(fstype_name(0x794c7630), "overlayfs");
	ck_assert_str_eq(fstype_name(0x6969), "nfs");
	ck_assert_str_eq(fstype_name(0x01021997), "9p");
	ck_assert_str_eq(fstype_name(0x858458f6), "ramfs");
	ck_assert_ptr_null(fstype_name(0));
	ck_assert_ptr_null(fstype_name(0xdeadbeef));
	ck_assert_ptr_null(fstype_name(0xEF54));
}
END_TEST

START_TEST(sysinfo_collect_fills)
{
	char dir[4096];
	struct sysinfo s;

	test_dir(dir, sizeof(dir));
	sysinfo_collect(&s, dir);
	ck_assert_msg(s.os[0] && s.kernel_release[0] && s.machine[0], "uname parts missing");
	ck_assert_msg(s.libc_name[0] && s.libc_version[0], "libc unknown");
	ck_assert_int_eq(s.page_size, sysconf(_SC_PAGESIZE));
	ck_assert_int_gt(s.cpus, 0);
	ck_assert_str_eq(s.tmpdir, dir);
	ck_assert_msg(s.tmpdir_fstype[0] && strcmp(s.tmpdir_fstype, "unknown"),
		      "fstype of %s: '%s'", dir, s.tmpdir_fstype);
	ck_assert_str_eq(s.emulation, "");
	ck_assert(s.rlimit_as[0] && s.rlimit_data[0] && s.rlimit_stack[0]);
}
END_TEST

/* A known deviation is skipped whatever its verdict; the counts in the
 * testsuite element agree with the elements of the cases. */
START_TEST(junit_known_deviations_are_skipped)
{
	char dir[4096], file[4200];
	struct sysinfo s;
	struct buf out = { 0 };
	struct result *rs[5];
	struct tally t = { 0 };

	test_dir(dir, sizeof(dir));
	path_in(file, sizeof(file), dir, "junit.xml");
	weird_sysinfo(&s);
	rs[0] = make_result(&case_a, OUT_FAIL, 1, 0, "known");
	rs[1] = make_result(&case_b, OUT_UNSUPPORTED, 77, 0, "known too");
	rs[2] = make_result(&case_c, OUT_UNRESOLVED, 99, 0, "known as well");
	rs[3] = make_result(&case_c, OUT_CRASH, -1, SIGSEGV, "not known");
	rs[4] = make_result(&case_c, OUT_UNRESOLVED, 99, 0, "not known either");
	rs[0]->expected = rs[1]->expected = rs[2]->expected = "evidence";
	for (int i = 0; i < 5; i++)
		tally_result(&t, rs[i]);
	FILE *f = fopen(file, "w");
	ck_assert_ptr_nonnull(f);
	junit_write(f, rs, 5, &(struct junit_run){ &s, "h", 0, 1.0 }, &t);
	ck_assert_int_eq(fclose(f), 0);
	ck_assert_int_eq(python(dir, "import sys, xml.etree.ElementTree as ET\n"
				"ts = ET.parse(sys.argv[1]).getroot()[0]\n"
				"a = ts.attrib\n"
				"print(a['failures'], a['errors'], a['skipped'])\n"
				"tags = [e.tag for tc in ts.findall('testcase') for e in tc]\n"
				"print(tags.count('failure'), tags.count('error'), tags.count('skipped'))\n",
				file, &out), 0);
	ck_assert_str_eq(out.data, "1 1 3\n1 1 3\n");
	for (int i = 0; i < 5; i++)
		result_free(rs[i]);
	buf_free(&out);
}
END_TEST

/* ------------------------------------------------------------------------
 * sink.c: the tally and the table of sinks
 * ------------------------------------------------------------------------ */

START_TEST(tally_counts_once)
{
	struct tally t = { .total = 5 };
	struct buf b = { 0 };
	struct result *r[5];

	tally_summary(&b, &t);
	ck_assert_str_eq(b.data, "none");
	r[0] = make_result(&case_a, OUT_PASS, 0, 0, NULL);
	r[1] = make_result(&case_b, OUT_FAIL, 1, 0, "x");
	r[2] = make_result(&case_c, OUT_FAIL, 1, 0, "y");
	r[3] = make_result(&case_c, OUT_TIMEOUT, -1, SIGKILL, "z");
	r[4] = make_result(&case_c, OUT_UNRESOLVED, 99, 0, "w");
	r[2]->expected = r[4]->expected = "known";
	for (int i = 0; i < 5; i++)
		tally_started(&t);
	ck_assert_uint_eq(t.running, 5);
	for (int i = 0; i < 5; i++)
		tally_result(&t, r[i]);
	ck_assert_uint_eq(t.running, 0);
	ck_assert_uint_eq(t.done, 5);
	ck_assert_uint_eq(t.counts[OUT_FAIL], 2);
	ck_assert_uint_eq(t.known[OUT_FAIL], 1);
	ck_assert_uint_eq(t.known[OUT_UNRESOLVED], 1);
	ck_assert_uint_eq(tally_known(&t), 2);
	ck_assert_uint_eq(tally_failures(&t), 2);	/* one FAIL, the TIMEOUT */
	ck_assert_uint_eq(tally_red(&t), 2);		/* the UNRESOLVED is known */
	b.len = 0;
	tally_summary(&b, &t);
	ck_assert_str_eq(b.data, "1 PASS, 2 FAIL (1 unexpected: a rule broke), 1 UNRESOLVED, "
			 "1 TIMEOUT (no verdict in time) (2 of them known deviations)");
	/* An UNRESOLVED no expectation covers turns the run red, and says why. */
	r[4]->expected = NULL;
	tally_result(&t, r[4]);
	ck_assert_uint_eq(tally_failures(&t), 2);
	ck_assert_uint_eq(tally_red(&t), 3);
	b.len = 0;
	tally_summary(&b, &t);
	ck_assert_str_eq(b.data, "1 PASS, 2 FAIL (1 unexpected: a rule broke), 2 UNRESOLVED "
			 "(1 unexpected: setup broke), 1 TIMEOUT (no verdict in time) "
			 "(2 of them known deviations)");
	/* A result without a start (the runner failed to start it) keeps
	 * running at zero. */
	tally_result(&t, r[0]);
	ck_assert_uint_eq(t.running, 0);
	for (int i = 0; i < 5; i++)
		result_free(r[i]);
	buf_free(&b);
}
END_TEST

START_TEST(sink_table_names_each_format_once)
{
	static const char *const names[] = { "stream", "record", "text", "ktap", "ltp", "junit" };
	size_t n = 0;

	for (; sinks[n]; n++) {
		ck_assert_msg(sinks[n]->open && sinks[n]->end, "%s: no open or end",
			      sinks[n]->name);
		ck_assert_ptr_eq(sink_find(sinks[n]->name), sinks[n]);
	}
	ck_assert_uint_eq(n, sizeof(names) / sizeof(names[0]));
	ck_assert_uint_le(n, sizeof(((struct outputs *)NULL)->open) / sizeof(struct open_sink));
	for (size_t i = 0; i < n; i++)
		ck_assert_str_eq(sinks[i]->name, names[i]);	/* the order they open in */
	ck_assert_ptr_null(sink_find("xml"));
	ck_assert_ptr_null(sink_find(""));
}
END_TEST

/* A run as the sinks see it: options from args, the odd system, the
 * console (text, KTAP) in memory. */
struct sink_run {
	char *text;
	size_t len;
	FILE *console;
	struct sysinfo s;
	struct options o;
	struct run_info run;
	struct outputs out;
};

static void sink_run_setup(struct sink_run *sr, const char **args, const char *record)
{
	static char *argv[] = { (char *)"mmapcts", NULL };

	sr->console = open_memstream(&sr->text, &sr->len);
	ck_assert_ptr_nonnull(sr->console);
	weird_sysinfo(&sr->s);
	parse_ok(&sr->o, args);
	sr->run = (struct run_info){ &sr->s, &sr->o, 1, argv, time(NULL), record, record,
				     sr->console };
}

/* The console's text so far (NUL-terminated). */
static const char *sink_run_text(struct sink_run *sr)
{
	fflush(sr->console);
	return sr->text;
}

static void sink_run_free(struct sink_run *sr)
{
	fclose(sr->console);
	free(sr->text);
	free_options(&sr->o);
}

/* The names of the sinks open, in order, as one string. */
static void open_names(const struct outputs *out, char *names, size_t size)
{
	names[0] = '\0';
	for (size_t i = 0; i < out->n; i++)
		snprintf(names + strlen(names), size - strlen(names), "%s%s", i ? " " : "",
			 out->open[i].sink->name);
}

START_TEST(outputs_open_what_the_options_ask)
{
	char dir[4096], rec[4200], stream[4200], junit[4200], names[128], err[256];
	struct sink_run sr = { 0 };
	struct result *a = make_result(&case_a, OUT_PASS, 0, 0, NULL);

	test_dir(dir, sizeof(dir));
	path_in(rec, sizeof(rec), dir, "r.json");
	path_in(stream, sizeof(stream), dir, "s.stream");
	path_in(junit, sizeof(junit), dir, "j.xml");

	sink_run_setup(&sr, ARGS("--no-json"), NULL);
	ck_assert_int_eq(outputs_open(&sr.out, &sr.run, err, sizeof(err)), 0);
	open_names(&sr.out, names, sizeof(names));
	ck_assert_str_eq(names, "text");
	ck_assert_int_eq(outputs_end(&sr.out, &(struct run_end){ .duration = 0.5 }), 0);
	ck_assert_str_eq(sink_run_text(&sr), "mmapcts: 0 cases in 0.50 s: none\n");
	sink_run_free(&sr);

	sink_run_setup(&sr, ARGS("-f", "ktap", "--junit", junit, "--stream", stream), rec);
	ck_assert_int_eq(outputs_open(&sr.out, &sr.run, err, sizeof(err)), 0);
	open_names(&sr.out, names, sizeof(names));
	ck_assert_str_eq(names, "stream record ktap junit");
	ck_assert_int_eq(outputs_have(&sr.out, "anon/a"), 0);
	outputs_begin(&sr.out, 1);
	outputs_start(&sr.out, &case_a);
	outputs_result(&sr.out, a);
	ck_assert_uint_eq(sr.out.tally.done, 1);
	ck_assert_int_eq(outputs_end(&sr.out, &(struct run_end){ .duration = 0.5 }), 0);
	ck_assert_uint_eq(sr.out.n, 0);
	ck_assert(json_parses(rec, 0));
	ck_assert_int_eq(access(junit, R_OK), 0);
	EXPECT_CONTAINS(sink_run_text(&sr), "TAP version 13\n1..1\nok 1 anon/a\n");
	EXPECT_CONTAINS(sr.text, "# record: ");
	sink_run_free(&sr);

	/* Resumed: the record knows what is done. */
	sink_run_setup(&sr, ARGS("--resume", rec), rec);
	ck_assert_int_eq(outputs_open(&sr.out, &sr.run, err, sizeof(err)), 0);
	ck_assert_int_eq(outputs_have(&sr.out, "anon/a"), 1);
	ck_assert_int_eq(outputs_have(&sr.out, "anon/b:shm"), 0);
	ck_assert_int_eq(outputs_end(&sr.out, &(struct run_end){ .duration = 0.5 }), 0);
	sink_run_free(&sr);
	result_free(a);
}
END_TEST

/* A sink that cannot open stops the run before it starts; those open
 * already end as a run that never got going. */
START_TEST(outputs_open_failure_ends_the_others)
{
	char dir[4096], rec[4200], stream[4200], err[256] = "";
	struct sink_run sr = { 0 };
	struct buf view = { 0 };

	test_dir(dir, sizeof(dir));
	path_in(rec, sizeof(rec), dir, "no/such/dir/r.json");
	path_in(stream, sizeof(stream), dir, "s.stream");
	sink_run_setup(&sr, ARGS("--stream", stream), rec);
	ck_assert_int_eq(outputs_open(&sr.out, &sr.run, err, sizeof(err)), -1);
	EXPECT_ONE_LINE(err);
	EXPECT_CONTAINS(err, rec);
	ck_assert_uint_eq(sr.out.n, 0);
	stream_view(dir, stream, NULL, &view);
	EXPECT_CONTAINS(view.data, "1 begin ['mmapcts'] ");
	EXPECT_CONTAINS(view.data, "\n2 end 0.0 False PASS=0 ");
	ck_assert_str_eq(sink_run_text(&sr) ? sr.text : "", "");
	buf_free(&view);
	sink_run_free(&sr);
}
END_TEST

/* A sink that fails at the end makes the end fail, and says why. */
START_TEST(outputs_end_failure_is_reported)
{
	char dir[4096], junit[4200], errfile[4200], err[256];
	struct sink_run sr = { 0 };
	struct buf said = { 0 };

	test_dir(dir, sizeof(dir));
	path_in(junit, sizeof(junit), dir, "no/such/j.xml");
	path_in(errfile, sizeof(errfile), dir, "stderr");
	sink_run_setup(&sr, ARGS("--junit", junit), NULL);
	ck_assert_int_eq(outputs_open(&sr.out, &sr.run, err, sizeof(err)), 0);
	int saved = stderr_to(errfile);
	int ended = outputs_end(&sr.out, &(struct run_end){ .duration = 0.0 });
	stderr_back(saved);
	ck_assert_int_eq(ended, -1);
	read_file(errfile, &said);
	EXPECT_CONTAINS(said.data, "mmapcts: cannot write ");
	EXPECT_CONTAINS(said.data, junit);
	buf_free(&said);
	sink_run_free(&sr);
}
END_TEST

/* A console sink (text or KTAP) alone, driven through the table. */
static void console_open(struct sink_run *sr, const char **args, const char *record)
{
	char err[256];

	sink_run_setup(sr, args, NULL);
	sr->run.record_shown = record;
	ck_assert_int_eq(outputs_open(&sr->out, &sr->run, err, sizeof(err)), 0);
	ck_assert_uint_eq(sr->out.n, 1);
}

static void console_close(struct sink_run *sr, double duration)
{
	ck_assert_int_eq(outputs_end(&sr->out, &(struct run_end){ .duration = duration }), 0);
	sink_run_text(sr);
}

START_TEST(sink_ktap_lines)
{
	struct sink_run cr = { 0 };
	struct result *pass = make_result(&case_a, OUT_PASS, 0, 0, NULL);
	struct result *fail = make_result(&case_b, OUT_FAIL, 1, 0, "boom");
	struct result *skip = make_result(&case_c, OUT_UNSUPPORTED, 77, 0, "no");

	console_open(&cr, ARGS("--no-json", "-f", "ktap", "--progress"), "r.json");
	outputs_begin(&cr.out, 3);
	outputs_start(&cr.out, &case_a);
	outputs_start(&cr.out, &case_b);
	outputs_result(&cr.out, pass);
	outputs_result(&cr.out, fail);
	outputs_start(&cr.out, &case_c);
	outputs_result(&cr.out, skip);
	console_close(&cr, 1.0);
	ck_assert_str_eq(cr.text, "TAP version 13\n1..3\n"
			 "ok 1 anon/a\n"
			 "# anon/b:shm: boom\nnot ok 2 anon/b:shm\n"
			 "ok 3 munmap/c # SKIP no\n"
			 "# mmapcts: 3 cases in 1.00 s: 1 PASS, 1 FAIL (a rule broke), 1 UNSUPPORTED\n"
			 "# Totals: pass:1 fail:1 xfail:0 xpass:0 skip:1 error:0\n"
			 "# record: r.json\n");
	sink_run_free(&cr);
	result_free(pass);
	result_free(fail);
	result_free(skip);
}
END_TEST

START_TEST(sink_ktap_known_deviation_is_xfail)
{
	struct sink_run cr = { 0 };
	struct result *fail = make_result(&case_b, OUT_FAIL, 1, 0, NULL);
	struct result *crash = make_result(&case_c, OUT_CRASH, -1, SIGSEGV, NULL);

	fail->expected = "known";
	console_open(&cr, ARGS("--no-json", "-fktap"), NULL);
	outputs_begin(&cr.out, 2);
	outputs_result(&cr.out, fail);
	outputs_result(&cr.out, crash);
	console_close(&cr, 0.0);
	ck_assert_str_eq(cr.text, "TAP version 13\n1..2\n"
			 "ok 1 anon/b:shm # XFAIL FAIL: known\n"
			 "not ok 2 munmap/c\n"
			 "# mmapcts: 2 cases in 0.00 s: 1 FAIL, 1 CRASH (killed by a signal) "
			 "(1 of them known deviations)\n"
			 "# Totals: pass:0 fail:1 xfail:1 xpass:0 skip:0 error:0\n");
	sink_run_free(&cr);
	result_free(fail);
	result_free(crash);
}
END_TEST

START_TEST(sink_text_lines)
{
	struct sink_run cr = { 0 };
	struct result *pass = make_result(&case_a, OUT_PASS, 0, 0, NULL);
	struct result *fail = make_result(&case_b, OUT_FAIL, 1, 0, "boom");

	fail->output.cap = 12;
	capture_add(&fail->output, "line1\nline2 and more", 20);
	console_open(&cr, ARGS("--no-json", "-v", "--no-progress"), NULL);
	outputs_begin(&cr.out, 2);
	outputs_start(&cr.out, &case_a);
	outputs_result(&cr.out, pass);
	outputs_start(&cr.out, &case_b);
	outputs_result(&cr.out, fail);
	console_close(&cr, 2.5);
	ck_assert_str_eq(cr.text, "FAIL        anon/b:shm  boom\n"
			 "  | line1\n  | line2 \n  | [8 more bytes not kept]\n"
			 "mmapcts: 2 cases in 2.50 s: 1 PASS, 1 FAIL (a rule broke)\n");
	sink_run_free(&cr);
	result_free(pass);
	result_free(fail);
}
END_TEST

/* The progress line, rewritten in place, and gone before each verdict. */
START_TEST(sink_text_progress)
{
	struct sink_run cr = { 0 };
	struct result *fail = make_result(&case_b, OUT_FAIL, 1, 0, "boom");

	fail->expected = "known";
	console_open(&cr, ARGS("--no-json", "--progress"), "/r.json");
	outputs_begin(&cr.out, 1);
	outputs_start(&cr.out, &case_b);
	outputs_result(&cr.out, fail);
	console_close(&cr, 0.25);
	ck_assert_str_eq(cr.text, "\r\033[K[0/1] 1 running, 0 not passed"
			 "\r\033[K"
			 "FAIL        anon/b:shm  boom  [known deviation]\n"
			 "\r\033[K[1/1] 0 running, 1 not passed"
			 "\r\033[K"
			 "mmapcts: 1 cases in 0.25 s: 1 FAIL (1 of them known deviations)\n"
			 "mmapcts: record written to /r.json\n");
	sink_run_free(&cr);
	result_free(fail);
}
END_TEST

/* ------------------------------------------------------------------------ */

static Suite *harness_suite(void)
{
	Suite *s = suite_create("harness");
	TCase *tc;

	tc = tcase_create("classify");
	tcase_add_test(tc, classify_exit_0_is_pass);
	tcase_add_test(tc, classify_exit_1_is_fail);
	tcase_add_test(tc, classify_exit_77_is_unsupported);
	tcase_add_test(tc, classify_exit_77_with_untested_is_untested);
	tcase_add_test(tc, classify_exit_99_is_unresolved);
	tcase_add_test(tc, classify_other_exit_is_fail_without_verdict);
	tcase_add_test(tc, classify_unexplained_verdict_quotes_the_output);
	tcase_add_test(tc, classify_signal_is_crash);
#ifdef SIGRTMIN
	tcase_add_test(tc, classify_unnamed_signal_is_crash_with_number);
#endif
	tcase_add_test(tc, classify_timed_out_is_timeout);
	tcase_add_test(tc, classify_exit_and_verdict_must_agree);
	tcase_add_test(tc, classify_takes_first_message_line);
	tcase_add_test(tc, classify_replaces_an_old_message);
#ifdef __linux__
	tcase_add_test(tc, classify_linux_status_encodings);
#endif
	tcase_add_test(tc, outcome_names_and_failures);
	suite_add_tcase(s, tc);

	tc = tcase_create("report");
	tcase_add_test(tc, report_parse_full_report);
	tcase_add_test(tc, report_parse_empty_report);
	tcase_add_test(tc, report_parse_reads_only_n_bytes);
	tcase_add_test(tc, report_parse_message_forms);
	tcase_add_test(tc, report_read_caps_the_channel);
	suite_add_tcase(s, tc);

	tc = tcase_create("text");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, buf_grows_and_formats);
	tcase_add_test(tc, json_string_escapes);
	tcase_add_test(tc, json_string_utf8);
	tcase_add_test(tc, json_string_output_parses);
	tcase_add_test(tc, xml_escape_markup_and_controls);
	tcase_add_test(tc, xml_escape_utf8);
	tcase_add_test(tc, xml_escape_noncharacters);
	tcase_add_test(tc, ktap_name_cleans);
	tcase_add_test(tc, printable_text_escapes_what_a_reader_cannot_take);
	tcase_add_test(tc, ktap_result_lines);
	tcase_add_test(tc, capture_below_at_and_over_cap);
	tcase_add_test(tc, capture_cap_zero);
	tcase_add_test(tc, capture_many_small_adds);
	suite_add_tcase(s, tc);

	tc = tcase_create("options");
	tcase_add_test(tc, options_defaults);
	tcase_add_test(tc, options_value_forms);
	tcase_add_test(tc, options_flags);
	tcase_add_test(tc, options_selectors_and_paths);
	tcase_add_test(tc, options_case_ids_are_selectors);
	tcase_add_test(tc, options_errors);
	tcase_add_test(tc, options_error_fits_small_buffer);
	tcase_add_test(tc, options_help_and_version);
	tcase_add_test(tc, options_usage_names_only_known_options);
	tcase_add_test(tc, options_edge_cases);
	tcase_add_test(tc, options_refuse_bad_values_and_files_named_twice);
	suite_add_tcase(s, tc);

	tc = tcase_create("manifest");
	tcase_add_test(tc, manifest_parse_valid);
	tcase_add_test(tc, manifest_parse_errors);
	tcase_add_test(tc, manifest_parse_error_counts_extra_fields);
	tcase_add_test(tc, manifest_parse_header_must_match_whole_line);
	tcase_add_test(tc, manifest_load_reads_file);
	tcase_add_test(tc, case_matches_selectors);
	tcase_add_test(tc, manifest_parse_covers);
	tcase_add_test(tc, case_covers_rows);
	tcase_add_test(tc, catalogue_uncovered_rows);
	tcase_add_test(tc, catalogue_print_uncovered_reads_cases_dir);
	tcase_add_test(tc, case_selected_by_profile_groups_and_selectors);
	tcase_add_test(tc, select_cases_orders_repeats_and_refuses);
	tcase_add_test(tc, manifest_add_path_names);
	tcase_add_test(tc, manifest_add_path_describes);
	tcase_add_test(tc, remove_tree_keeps_what_is_outside);
	tcase_add_test(tc, remove_tree_stops_at_mount_points);
	tcase_add_test(tc, run_isolated_limits_time);
	suite_add_tcase(s, tc);

	tc = tcase_create("record");
	tcase_set_timeout(tc, 60);		/* Python runs; slow machines */
	tcase_add_test(tc, record_valid_after_every_step);
	tcase_add_test(tc, record_close_with_cases_in_flight);
	tcase_add_test(tc, record_close_interrupted_is_incomplete);
	tcase_add_test(tc, record_write_failure_keeps_last_valid_state);
	tcase_add_test(tc, record_locked_while_written);
	tcase_add_test(tc, record_resume_must_match_the_run);
	tcase_add_test(tc, record_resume_continues);
	tcase_add_test(tc, record_resume_after_torn_case_line);
	tcase_add_test(tc, record_resume_errors);
	tcase_add_test(tc, record_failure_holds_nothing);
	tcase_add_test(tc, result_json_is_one_object);
	suite_add_tcase(s, tc);

	tc = tcase_create("stream");
	tcase_set_timeout(tc, 30);		/* Python runs */
	tcase_add_test(tc, stream_one_line_per_event);
	tcase_add_test(tc, stream_writes_each_line_at_once);
	tcase_add_test(tc, stream_end_incomplete);
	tcase_add_test(tc, stream_write_failure_gives_up);
	tcase_add_test(tc, stream_open_errors);
	suite_add_tcase(s, tc);

	tc = tcase_create("expect");
	tcase_add_test(tc, system_key_names_emulation);
	suite_add_tcase(s, tc);

	tc = tcase_create("junit");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, junit_elements_and_escaping);
	tcase_add_test(tc, junit_empty_run);
	tcase_add_test(tc, junit_known_deviations_are_skipped);
	suite_add_tcase(s, tc);

	tc = tcase_create("sysinfo");
	tcase_add_test(tc, default_record_name_parts);
	tcase_add_test(tc, fstype_names);
	tcase_add_test(tc, sysinfo_collect_fills);
	suite_add_tcase(s, tc);

	tc = tcase_create("sink");
	tcase_set_timeout(tc, 30);		/* Python runs */
	tcase_add_test(tc, tally_counts_once);
	tcase_add_test(tc, sink_table_names_each_format_once);
	tcase_add_test(tc, outputs_open_what_the_options_ask);
	tcase_add_test(tc, outputs_open_failure_ends_the_others);
	tcase_add_test(tc, outputs_end_failure_is_reported);
	tcase_add_test(tc, sink_ktap_lines);
	tcase_add_test(tc, sink_ktap_known_deviation_is_xfail);
	tcase_add_test(tc, sink_text_lines);
	tcase_add_test(tc, sink_text_progress);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	const char *base = getenv("TMPDIR");
	SRunner *sr;
	int failed;

	snprintf(workdir, sizeof(workdir), "%s/check_harness.XXXXXX",
		 base && *base ? base : "/tmp");
	if (!mkdtemp(workdir)) {
		fprintf(stderr, "check_harness: mkdtemp %s: %s\n", workdir, strerror(errno));
		return 99;
	}
	sr = srunner_create(harness_suite());
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	remove_workdir(workdir);		/* here, in the parent: whatever the tests did */
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
