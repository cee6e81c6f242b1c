/*
 * harness.h - the runner's parts.  main.c glues them; the unit tests in
 * harness/tests/ drive each one alone.
 */
#ifndef MMAPCTS_HARNESS_H
#define MMAPCTS_HARNESS_H

#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>
#include <time.h>

/* ---------------------------------------------------------------- text.c */
/* A growing string. */
struct buf {
	char *data;
	size_t len, cap;
};
void buf_add(struct buf *b, const char *s, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_free(struct buf *b);
/* Append the whole file at path to b, which then holds a string (empty for
 * an empty file); -1 with errno set when it cannot be read. */
int buf_read_file(struct buf *b, const char *path);
/* Write a one-line error message into err; returns -1. */
int set_error(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Append s as a JSON string literal, quotes included; invalid UTF-8 and
 * control bytes are escaped so the record always parses. */
void json_string(struct buf *b, const char *s, size_t n);
/* Append s escaped for XML text and attributes; bytes XML 1.0 forbids
 * become U+FFFD. */
void xml_escape(struct buf *b, const char *s, size_t n);
/* A KTAP test name: no '#', no newlines, no leading/trailing blanks. */
void ktap_name(struct buf *b, const char *s);
/* n bytes of a case's text for a terminal or a line-based reader: valid
 * UTF-8 as it is, a line break as a space (kept with keep_newlines), every
 * other control byte and every byte that is not UTF-8 as \xNN, so a case
 * can neither send escape sequences nor break a reader's decoder. */
void printable_text(struct buf *b, const char *s, size_t n, int keep_newlines);
char *xstrdup(const char *s);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);

/* Output captured from a case, kept up to a cap; the rest is counted. */
struct capture {
	struct buf kept;
	size_t cap;
	size_t total;
};
void capture_add(struct capture *c, const char *data, size_t n);
int capture_truncated(const struct capture *c);

/* ------------------------------------------------------------- options.c */
enum format { FORMAT_TEXT, FORMAT_KTAP, FORMAT_LTP };

struct options {
	int jobs;
	double timeout_multiplier;
	int timeout;			/* seconds for every case; 0: the manifest's */
	enum format format;
	const char *json_path;		/* NULL: the default name */
	int no_json;
	int no_expectations;	/* not even the ones shipped beside the manifest */
	const char *junit_path;
	const char *wrapper;
	const char *resume_path;
	const char *cases_dir;
	const char *profile;
	const char **groups;
	int ngroups;
	const char **selectors;		/* ids, id globs, groups */
	int nselectors;
	const char **paths;		/* case executables named directly */
	int npaths;
	const char **excludes;		/* selectors whose cases do not run */
	int nexcludes;
	const char *skip_file;		/* more of them, one a line */
	size_t output_cap;
	size_t memory_limit;		/* RLIMIT_AS of every case; 0: none */
	int repeat;
	const char *fault;		/* a fault of mmapcts-faults.so, or NULL */
	const char *expectations;	/* known deviations (reports/expectations.tsv) */
	const char *stream_path;	/* events as they happen (--stream), or NULL */
	const char *faults_lib;		/* its path, set by main */
	int list_faults;
	int list;
	int uncovered;			/* print the catalogue rows no case covers */
	int verbose;
	int progress;			/* -1: when stdout is a terminal */
};

enum parse_result { PARSE_OK, PARSE_EXIT, PARSE_ERROR };
/* Fill o from argv.  PARSE_EXIT: --help or --version was printed to out.
 * PARSE_ERROR: err holds one line. */
enum parse_result parse_options(int argc, char **argv, struct options *o,
				FILE *out, char *err, size_t errlen);
void free_options(struct options *o);
/* Do a and b name one file (the same name, or the same st_dev and st_ino)? */
int same_file(const char *a, const char *b);

/* ------------------------------------------------------------ manifest.c */
struct case_entry {
	char *id;		/* group/name, or group/name:variant */
	char *program;		/* group/name */
	char *group;
	char *profile;
	char *variant;		/* "" when the case has none */
	char *needs;
	char *spec;
	char *assertion;
	char *covers;		/* catalogue rows checked wholly, space-separated */
	char *covers_part;	/* ... and in part; both "" for a program named by path */
	int timeout;
	char *path;		/* the executable */
	char *unresolved;	/* not run, UNRESOLVED with this reason; or NULL */
};

struct manifest {
	struct case_entry *cases;
	size_t n;
};

/* Read manifest.tsv from cases_dir; -1 with err set on any problem. */
int manifest_load(struct manifest *m, const char *cases_dir, char *err, size_t errlen);
/* Parse manifest text (the loader's core, for the unit tests). */
int manifest_parse(struct manifest *m, const char *text, const char *cases_dir,
		   char *err, size_t errlen);
/* Add a case executable named on the command line, with the metadata it
 * gives for --describe (through the wrapper, if any), one entry per variant.
 * --describe runs isolated as a case does, for at most limit seconds: a
 * program that does not finish in time is one case, UNRESOLVED unrun. */
void manifest_add_path(struct manifest *m, const char *path, const char *wrapper,
		       double limit);
/* Does the case match a selector (id, id glob, group, id without variant,
 * or covers:ROW for the cases declaring a catalogue row)? */
int case_matches(const struct case_entry *c, const char *selector);
void manifest_free(struct manifest *m);

/* ----------------------------------------------------------- catalogue.c */
enum coverage { COVERS_NOT, COVERS_PARTLY, COVERS_WHOLLY };
/* Does the case declare the catalogue row (.covers: wholly, .covers_part)? */
enum coverage case_covers(const struct case_entry *c, const char *row);
/* Append to out, one line each ("ROW\tnone|partly\tprofile\tbehaviour"),
 * the rows of the catalogue text (of that profile, unless NULL) no case of
 * m covers wholly; -1 with err set when the text is not a catalogue. */
int catalogue_uncovered(const char *text, const struct manifest *m, const char *profile,
			struct buf *out, char *err, size_t errlen);
/* The same for cases_dir/catalogue.tsv, printed to out. */
int catalogue_print_uncovered(const char *cases_dir, const struct manifest *m,
			      const char *profile, FILE *out, char *err, size_t errlen);

/* -------------------------------------------------------------- select.c */
struct selection {
	struct manifest m;		/* the manifest's cases */
	struct manifest named;		/* programs named on the command line */
	const char *cases_dir;		/* where the manifest was read, or NULL */
	struct case_entry **cases;	/* the run, in order, --repeat included */
	size_t n;
	size_t distinct;		/* cases[0..distinct) once each (--list) */
	size_t excluded;		/* manifest cases --exclude, --skip-file left out */
	struct buf skip_text;		/* the --skip-file, its lines split in place */
};
/* The run's cases; -1 with err set when a selector matches nothing, a
 * program is no executable or the manifest cannot be read. */
int select_cases(struct selection *sel, const struct options *o, const char *argv0,
		 char *err, size_t errlen);
void selection_free(struct selection *sel);
/* Does the profile, the groups and the selectors take this manifest case?
 * Marks in used[] the selectors, then the groups, that match it. */
int case_selected(const struct case_entry *c, const struct options *o, int *used);
/* The directory of the running runner, or "" when unknown. */
const char *runner_dir(const char *argv0);

/* ------------------------------------------------------------- sysinfo.c */
struct sysinfo {
	char os[80], kernel_release[128], kernel_version[256], machine[80];
	char libc_name[32], libc_version[64];
	char libc_note[128];	/* how the version was found, when not at run time */
	long page_size, cpus;
	char tmpdir[512], tmpdir_fstype[32];
	char overcommit_policy[16], overcommit_ratio[16];
	char rlimit_as[32], rlimit_data[32], rlimit_memlock[32], rlimit_stack[32];
	char emulation[128];	/* the --wrapper, when it is one; "" for none */
	char emulation_version[64];	/* QEMU's version, when the wrapper is QEMU and says it */
	int as_root;		/* the cases run as root (own mount namespace each) */
};
void sysinfo_collect(struct sysinfo *s, const char *tmpdir);
/* The version a QEMU wrapper gives for --version ("7.2.22"), or "" when the
 * wrapper is not QEMU or says nothing. */
void wrapper_version(char *out, size_t size, const char *wrapper);
void sysinfo_json(struct buf *b, const struct sysinfo *s);
/* The default record name: mmapcts-<os>-<release>-<arch>-<libc>-<libc version>.json */
void default_record_name(char *out, size_t size, const struct sysinfo *s);
const char *fstype_name(unsigned long magic);
/* The online CPUs, or -1 where the system cannot say (_SC_NPROCESSORS_ONLN is
 * POSIX.1-2024; headers in 2008 mode may hide it, and sysinfo.c is built in
 * the system's own mode). */
long online_cpus(void);

/* ----------------------------------------------------------------- run.c */
enum outcome {
	OUT_PASS, OUT_FAIL, OUT_UNRESOLVED, OUT_UNSUPPORTED, OUT_UNTESTED,
	OUT_TIMEOUT, OUT_CRASH,
	OUT_COUNT
};
const char *outcome_name(enum outcome o);
/* Does this outcome say the rule broke (FAIL, TIMEOUT, CRASH)?  What turns
 * the run red is outcome_turns_red() (sink.c): these and UNRESOLVED. */
int outcome_is_failure(enum outcome o);

/* What a case said through its result channel. */
struct report {
	char verdict[16];	/* "" if it never said */
	char *message;		/* the first message line, or NULL */
	char **observations;	/* "key=value" */
	size_t nobs;
	size_t bytes;		/* of the whole channel */
	int truncated;		/* observations past the cap were dropped */
};
void report_parse(struct report *r, const char *text, size_t n);
/* The same from the channel's file, keeping the observations of its first
 * cap bytes; the first message and the verdict wherever they are, if no
 * longer than cap.  fd may be -1. */
void report_read(struct report *r, int fd, size_t cap);
void report_free(struct report *r);

struct result {
	const struct case_entry *c;
	enum outcome outcome;
	int exit_code;		/* -1 when killed by a signal */
	int signal;
	double duration;
	char *message;
	char **observations;
	size_t nobs;
	struct capture output;
	size_t result_bytes;		/* what the case wrote to its result channel */
	int observations_truncated;	/* ... past the cap: observations were dropped */
	double start;		/* seconds since the epoch */
	const char *expected;	/* the evidence, when a known deviation */
};
/* Decide the outcome from the wait status, the time-out and the report;
 * sets exit_code, signal, outcome and message. */
void classify(struct result *r, int wait_status, int timed_out,
	      const struct report *rep);
void result_free(struct result *r);

struct run_hooks {
	void (*started)(const struct case_entry *c, void *ctx);
	void (*finished)(struct result *r, void *ctx);
	void *ctx;
};
/* Run the cases, at most o->jobs at once; the hooks see every start and
 * every verdict as it comes.  Returns 0, or -1 if the runner itself broke. */
int run_cases(struct case_entry **cases, size_t n, const struct options *o,
	      const struct run_hooks *hooks);
/* Set by SIGINT/SIGTERM: the run stops, its record stays valid. */
extern volatile int runner_interrupted;
/* Run argv isolated as a case is (own process group and directory, killed
 * with the runner, orphans killed), its stdout into out, for at most limit
 * seconds.  The wait status, or -1 if it could not start; *timed_out says
 * it was killed for its time. */
int run_isolated(char *const argv[], double limit, struct buf *out, int *timed_out);
double now_seconds(void);
const char *runner_signal_name(int sig);

/* -------------------------------------------------------------- expect.c */
struct expectations {
	struct expectation {
		char *id, *verdict, *system, *evidence;
	} *items;
	size_t n;
};
/* "<os> <release> <machine> <libc>-<version> <fstype> <emulation>", what
 * patterns match; emulation is "native", or "qemu-user" under --wrapper
 * ("qemu-user-7.2.22" when the wrapper is a QEMU that told its version). */
void system_key(char *out, size_t size, const struct sysinfo *s);
int expectations_load(struct expectations *e, const char *path, char *err, size_t errlen);
/* The evidence of the expectation covering this outcome here, or NULL. */
const char *expectation_for(const struct expectations *e, const char *id,
			    enum outcome o, const char *system);
void expectations_free(struct expectations *e);

/* ---------------------------------------------------------------- sink.c */
/* The verdicts of this run, counted once, here, and handed to every sink. */
struct tally {
	size_t total;			/* cases this run will start */
	size_t running, done;
	size_t counts[OUT_COUNT];
	size_t known[OUT_COUNT];	/* of counts: the known deviations */
};
void tally_started(struct tally *t);
void tally_result(struct tally *t, const struct result *r);
/* All known deviations, whatever their verdict. */
size_t tally_known(const struct tally *t);
/* FAIL, TIMEOUT and CRASH verdicts that are no known deviation: the rule
 * broke (JUnit's failures). */
size_t tally_failures(const struct tally *t);
/* Does this outcome turn the run red (exit status 1) unless expected?
 * FAIL, TIMEOUT, CRASH and UNRESOLVED (setup broke: every behaviour a
 * case's setup relies on is FAIL-asserted by some case, so a broken one
 * must not pass for a skip); PASS, UNSUPPORTED and UNTESTED do not. */
int outcome_turns_red(enum outcome o);
/* Verdicts that turn the run red and are no known deviation. */
size_t tally_red(const struct tally *t);
/* "3 PASS, 1 FAIL (a rule broke), 2 UNRESOLVED (1 unexpected: setup
 * broke) (1 of them known deviations)", or "none". */
void tally_summary(struct buf *b, const struct tally *t);

/* The run as the sinks see it before any case. */
struct run_info {
	const struct sysinfo *sys;
	const struct options *o;
	int argc;
	char **argv;
	time_t start;
	const char *record_path;	/* where the record goes; NULL: none */
	const char *record_shown;	/* the same as the summary names it */
	FILE *console;			/* text and KTAP: stdout but in tests */
};
struct run_end {
	double duration;
	int interrupted;		/* the run stopped before every case ran */
	int record_lost;		/* set for the sinks after a record that failed */
};

/*
 * One output format.  Every hook but open may be NULL.  open() may write at
 * once (the stream's begin event); a result handed to result() lives until
 * end().  A new format is one file defining a struct sink, one line in the
 * table in sink.c and one in Makefile.am.
 */
struct sink {
	const char *name;
	int (*wanted)(const struct run_info *run);
	/* The sink's state, or NULL with err set: then the run does not start. */
	void *(*open)(const struct run_info *run, char *err, size_t errlen);
	void (*begin)(void *self, const struct tally *t);
	void (*start)(void *self, const struct case_entry *c, const struct tally *t);
	void (*result)(void *self, const struct result *r, const struct tally *t);
	/* Write the end and let go of self; -1 with err set if that failed. */
	int (*end)(void *self, const struct run_end *e, const struct tally *t, char *err,
		   size_t errlen);
	/* Is this case finished already (--resume)? */
	int (*has)(void *self, const char *id);
};
/* Every sink, in the order they open; NULL-terminated. */
extern const struct sink *const sinks[];
const struct sink *sink_find(const char *name);

/* The sinks a run has open, and its tally. */
struct outputs {
	struct open_sink {
		const struct sink *sink;
		void *self;
	} open[8];		/* room for every sink (a unit test checks) */
	size_t n;
	struct tally tally;
};
/* Open every sink the run wants; on failure end those already open. */
int outputs_open(struct outputs *out, const struct run_info *run, char *err, size_t errlen);
int outputs_have(const struct outputs *out, const char *id);
void outputs_begin(struct outputs *out, size_t total);
void outputs_start(struct outputs *out, const struct case_entry *c);
void outputs_result(struct outputs *out, const struct result *r);
/* End every sink; a sink that fails says so on stderr and makes this -1. */
int outputs_end(struct outputs *out, const struct run_end *e);

/* --------------------------------------------------------- sink-record.c */
struct record {
	int fd;
	char *path;
	off_t tail_offset;	/* where the next case line goes */
	off_t file_end;
	size_t ncases;
	char **in_flight;
	size_t nin_flight;
	/* The verdicts already in the file when it was resumed: the summary
	 * adds this run's tally to them. */
	size_t resumed_counts[OUT_COUNT];
	size_t resumed_known;
	struct buf done_ids;	/* "\n"-joined ids already recorded (resume) */
	int resumes;		/* how often the run was resumed */
	struct buf tail;	/* the closing part last written, at tail_offset */
	int write_errno;	/* a write failed: the record is given up */
	int restore_failed;	/* ... and its last valid state could not be put back */
	int not_a_file;		/* --json /dev/null: written, never cut */
};
int record_open(struct record *rec, const char *path, const struct run_info *run,
		char *err, size_t errlen);
/* Reopen a record cut short; its finished ids are in done_ids. */
int record_resume(struct record *rec, const char *path, char *err, size_t errlen);
/* The same, only if the record was made on this system with the options of
 * this run that decide verdicts (the rest may differ: -j, outputs, -e). */
int record_resume_run(struct record *rec, const char *path, const struct run_info *run,
		      char *err, size_t errlen);
int record_has(const struct record *rec, const char *id);
void record_started(struct record *rec, const char *id);
void record_result(struct record *rec, const struct result *r);
/* Write the end: complete unless interrupted or cases are in flight.  -1
 * with err set when a write failed (now or before): the record is short. */
int record_close(struct record *rec, double duration, int interrupted,
		 const struct tally *t, char *err, size_t errlen);
void result_json(struct buf *b, const struct result *r);
/* The record's head ("format" to "run") and end ("end" to "complete") as
 * members without braces; sep follows each comma between members. */
void run_header_json(struct buf *b, const char *sep, const struct run_info *run);
void run_end_json(struct buf *b, const char *sep, double duration,
		  const size_t counts[OUT_COUNT], size_t known, int complete);

/* --------------------------------------------------------- sink-stream.c */
/* The run's events as they happen, one line each, for a channel that
 * outlives the runner (a serial console): "@mmapcts-stream <seq> <json>\n"
 * with the events begin, start, result and end.  A write that fails gives
 * the stream up (one warning on stderr); the run goes on. */
struct stream {
	int fd;			/* -1: none, or given up */
	char *path;
	unsigned long seq;	/* of the last line */
};
int stream_open(struct stream *st, const char *path, char *err, size_t errlen);
void stream_begin(struct stream *st, const struct run_info *run);
void stream_started(struct stream *st, const char *id);
void stream_result(struct stream *st, const struct result *r);
/* The end event: complete unless interrupted or cases are running. */
void stream_close(struct stream *st, double duration, int interrupted, const struct tally *t);

/* ---------------------------------------------------------- sink-junit.c */
/* The run as JUnit names it: the system (suite name, and the package of
 * every test's classname, so that reports merged from several systems stay
 * apart), where and when it ran. */
struct junit_run {
	const struct sysinfo *sys;
	const char *hostname;
	time_t start;
	double duration;
};
void junit_write(FILE *f, struct result **results, size_t n, const struct junit_run *run,
		 const struct tally *t);

/* ------------------------------------------------------------ sink-ltp.c */
/* The runner's exit status (0, 1, 2) as LTP's, for --format ltp: 0 passed
 * (known deviations included), 1 failed, 2 broken, 32 nothing could run. */
int ltp_exit_status(const struct tally *t, int status);

/* ----------------------------------------------------------- sink-ktap.c */
void ktap_result(struct buf *b, size_t number, const struct result *r);

#endif
