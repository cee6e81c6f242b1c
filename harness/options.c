/*
 * options.c - the runner's command line.  A small parser of its own: it
 * behaves the same on every libc and can be called again and again by the
 * unit tests (getopt keeps hidden state).
 */
#include "harness.h"
#include "faults/faults.h"

#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage_text[] =
	"Usage: mmapcts [OPTION]... [SELECTOR|PATH]...\n"
	"Run the mmapcts conformance cases, each in its own isolated child.\n"
	"\n"
	"A SELECTOR is a case id (anon/zero-fill, private-file/x:shm), an id glob\n"
	"('munmap/*'), a group name (munmap, munmap/), an id without its variant,\n"
	"or covers:ROW for the cases that declare a row of the behaviour catalogue\n"
	"(covers:B3).\n"
	"A PATH to a case executable (starting with '/', './' or '../', or an\n"
	"existing file) runs that program as a case.\n"
	"\n"
	"  -j, --jobs N                 run N cases at once (default: online CPUs)\n"
	"  -g, --group GROUP            only the cases of GROUP (repeatable)\n"
	"  -p, --profile posix|linux    only the cases of that profile\n"
	"  -x, --exclude SELECTOR       leave out the cases SELECTOR names (repeatable)\n"
	"      --skip-file FILE         leave out the cases of each line's selector\n"
	"                               ('#' starts a comment), as test farms do\n"
	"  -t, --timeout-multiplier X   multiply every case's time limit by X\n"
	"                               (0.01 to 1000)\n"
	"      --timeout SECONDS        one time limit for every case\n"
	"  -l, --list                   print the selected cases and exit\n"
	"      --uncovered              print the catalogue rows (of --profile) no\n"
	"                               case covers wholly yet (none or partly), exit\n"
	"  -f, --format text|ktap|ltp   what goes to stdout (default: text); ltp: LTP's\n"
	"                               lines and Summary block, and LTP's exit status\n"
	"                               (for kirk: 0 pass, 1 fail, 2 broken, 32 skipped)\n"
	"      --json FILE              write the record to FILE (default:\n"
	"                               mmapcts-<os>-<release>-<arch>-<libc>-<version>.json)\n"
	"      --no-json                write no record\n"
	"      --junit FILE             also write JUnit XML to FILE\n"
	"      --stream PATH            also write each event as it happens, one line\n"
	"                               each, to PATH (a file, /dev/ttyS1, /dev/hvc0):\n"
	"                               what a crash of the system cannot take back\n"
	"  -e, --expectations FILE      known deviations (reports/expectations.tsv):\n"
	"                               a matching verdict is expected, not a failure;\n"
	"                               default: expectations.tsv beside the manifest\n"
	"      --no-expectations        no known deviations: every one is a failure\n"
	"      --wrapper 'CMD ...'      run each case under CMD (qemu-user, valgrind,\n"
	"                               env LD_PRELOAD=...)\n"
	"      --resume FILE            continue a run cut short, in its record (same\n"
	"                               system, same options that decide verdicts)\n"
	"      --cases-dir DIR          where manifest.tsv and the cases are\n"
	"      --output-cap BYTES       keep at most BYTES of a case's output (65536)\n"
	"                               and of its observations (at least 4096)\n"
	"      --memory-limit BYTES     each case's address space (RLIMIT_AS), with\n"
	"                               k, M or G; default: none (0)\n"
	"      --repeat N               run the selection N times (benchmarks)\n"
	"      --fault NAME             run the cases (never the runner) on a system\n"
	"                               broken on purpose in one way (mmapcts-faults.so)\n"
	"      --list-faults            name the faults, one line each\n"
	"  -v, --verbose                print the output of every case that did not pass\n"
	"      --progress, --no-progress  the progress line (default: on a terminal)\n"
	"  -h, --help                   this text\n"
	"  -V, --version                the version\n"
	"\n"
	"Exit status (a verdict an expectation in -e covers never counts):\n"
	"  0  every verdict is PASS, UNSUPPORTED (the feature is absent, a probe\n"
	"     said why) or UNTESTED (this system cannot decide, with the reason)\n"
	"  1  a FAIL (a rule broke), TIMEOUT, CRASH or UNRESOLVED (setup broke: what\n"
	"     the setup relies on is itself a rule some case FAILs on)\n"
	"  2  bad usage, an interrupted run, or the runner itself could not work\n";

static int parse_long(const char *s, long min, long max, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

static void push(const char ***list, int *n, const char *s)
{
	*list = xrealloc(*list, sizeof(**list) * (size_t)(*n + 1));
	(*list)[(*n)++] = s;
}

/* A program named on the command line, not a case id (ids have '/' too). */
static int is_path(const char *s)
{
	struct stat st;

	if (s[0] == '/' || !strncmp(s, "./", 2) || !strncmp(s, "../", 3))
		return 1;
	return strchr(s, '/') && stat(s, &st) == 0 && S_ISREG(st.st_mode);
}

/* An option's action: 0, -1 with err set, or 1 when the run is over
 * (--help, --version printed to out). */
typedef int option_fn(struct options *o, const char *v, FILE *out, char *err, size_t errlen);

/* A whole number from min to max, or -1 with err "<wants>, not '<v>'". */
static int ranged(const char *v, long min, long max, long *n, const char *wants, char *err,
		  size_t errlen)
{
	if (parse_long(v, min, max, n) < 0)
		return set_error(err, errlen, "%s, not '%s'", wants, v);
	return 0;
}

static int set_jobs(struct options *o, const char *v, FILE *out, char *err, size_t errlen)
{
	long n;

	if (ranged(v, 1, 4096, &n, "--jobs wants a number from 1 to 4096", err, errlen) < 0)
		return -1;
	o->jobs = (int)n;
	return 0;
}

static int add_group(struct options *o, const char *v, FILE *out, char *err, size_t errlen)
{
	push(&o->groups, &o->ngroups, v);
	return 0;
}

static int add_exclude(struct options *o, const char *v, FILE *out, char *err, size_t errlen)
{
	push(&o->excludes, &o->nexcludes, v);
	return 0;
}

static int set_profile(struct options *o, const char *v, FILE *out, char *err, size_t errlen)
{
	if (strcmp(v, "posix") && strcmp(v, "linux"))
		return set_error(err, errlen, "--profile is posix or linux, not '%s'", v);
	o->profile = v;
	return 0;
}

static int set_multiplier(struct options *o, const char *v, FILE *out, char *err,
			  size_t errlen)
{
	char *end;
	double x;

	errno = 0;
	x = strtod(v, &end);
	/* NaN fails both comparisons; inf and 1e-300 are out of range. */
	if (errno || end == v || *end || !(x >= 0.01 && x <= 1000))
		return set_error(err, errlen,
				 "--timeout-multiplier wants a number from 0.01 to 1000, not '%s'",
				 v);
	o->timeout_multiplier = x;
	return 0;
}

static int set_timeout(struct options *o, const char *v, FILE *out, char *err, size_t errlen)
{
	long n;

	if (ranged(v, 1, 86400, &n, "--timeout wants seconds from 1 to 86400", err, errlen) < 0)
		return -1;
	o->timeout = (int)n;
	return 0;
}

static int set_format(struct options *o, const char *v, FILE *out, char *err, size_t errlen)
{
	if (!strcmp(v, "text"))
		o->format = FORMAT_TEXT;
	else if (!strcmp(v, "ktap"))
		o->format = FORMAT_KTAP;
	else if (!strcmp(v, "ltp"))
		o->format = FORMAT_LTP;
	else
		return set_error(err, errlen, "--format is text, ktap or ltp, not '%s'", v);
	return 0;
}

static int set_wrapper(struct options *o, const char *v, FILE *out, char *err, size_t errlen)
{
	if (!*v)
		return set_error(err, errlen, "--wrapper wants a command");
	o->wrapper = v;
	return 0;
}

static int set_output_cap(struct options *o, const char *v, FILE *out, char *err,
			  size_t errlen)
{
	long n;

	if (ranged(v, 0, 1L << 30, &n, "--output-cap wants bytes from 0 to 2^30", err,
		   errlen) < 0)
		return -1;
	o->output_cap = (size_t)n;
	return 0;
}

/* Bytes, or k, M or G of them; 0 for no limit, else at least 1 MiB (the
 * runtime needs that much before any case can say anything). */
static int set_memory_limit(struct options *o, const char *v, FILE *out, char *err,
			    size_t errlen)
{
	char *end;
	unsigned long long n, unit = 1;

	(void)out;
	errno = 0;
	n = strtoull(v, &end, 10);
	if (*end == 'k' || *end == 'K')
		unit = 1ULL << 10;
	else if (*end == 'M')
		unit = 1ULL << 20;
	else if (*end == 'G')
		unit = 1ULL << 30;
	if (unit > 1)
		end++;
	if (errno || end == v || *end || v[0] == '-' || n > (unsigned long long)SIZE_MAX / unit ||
	    (n && n * unit < (1ULL << 20)))
		return set_error(err, errlen, "--memory-limit wants bytes (k, M, G), 0 or at "
				 "least 1M: '%s'", v);
	o->memory_limit = (size_t)(n * unit);
	return 0;
}

static int set_repeat(struct options *o, const char *v, FILE *out, char *err, size_t errlen)
{
	long n;

	if (ranged(v, 1, 1000000, &n, "--repeat wants a number from 1 to 1000000", err,
		   errlen) < 0)
		return -1;
	o->repeat = (int)n;
	return 0;
}

static int set_fault(struct options *o, const char *v, FILE *out, char *err, size_t errlen)
{
	for (int f = 0; f < FAULT_COUNT; f++) {
		if (!strcmp(v, mmapcts_fault_defs[f].name)) {
			o->fault = v;
			return 0;
		}
	}
	return set_error(err, errlen, "unknown fault '%s' (see --list-faults)", v);
}

static int show_help(struct options *o, const char *v, FILE *out, char *err, size_t errlen)
{
	fputs(usage_text, out);
	return 1;
}

static int show_version(struct options *o, const char *v, FILE *out, char *err, size_t errlen)
{
	fprintf(out, "mmapcts %s\n", PACKAGE_VERSION);
	return 1;
}

/*
 * The options, one line each.  FLAG sets an int member to value; STRING
 * keeps the value in a const char * member; VALUE and ACTION call a
 * function, with and without a value.
 */
enum option_kind { FLAG, STRING, VALUE, ACTION };
#define MEMBER(m) offsetof(struct options, m)
static const struct option_def {
	const char *name;
	char short_name;
	enum option_kind kind;
	size_t member;		/* FLAG, STRING */
	int value;		/* FLAG */
	option_fn *fn;		/* VALUE, ACTION */
} option_table[] = {
	{ "jobs", 'j', VALUE, 0, 0, set_jobs },
	{ "group", 'g', VALUE, 0, 0, add_group },
	{ "exclude", 'x', VALUE, 0, 0, add_exclude },
	{ "skip-file", 0, STRING, MEMBER(skip_file), 0, NULL },
	{ "profile", 'p', VALUE, 0, 0, set_profile },
	{ "timeout-multiplier", 't', VALUE, 0, 0, set_multiplier },
	{ "timeout", 0, VALUE, 0, 0, set_timeout },
	{ "list", 'l', FLAG, MEMBER(list), 1, NULL },
	{ "uncovered", 0, FLAG, MEMBER(uncovered), 1, NULL },
	{ "format", 'f', VALUE, 0, 0, set_format },
	{ "json", 0, STRING, MEMBER(json_path), 0, NULL },
	{ "no-json", 0, FLAG, MEMBER(no_json), 1, NULL },
	{ "junit", 0, STRING, MEMBER(junit_path), 0, NULL },
	{ "wrapper", 0, VALUE, 0, 0, set_wrapper },
	{ "resume", 0, STRING, MEMBER(resume_path), 0, NULL },
	{ "cases-dir", 0, STRING, MEMBER(cases_dir), 0, NULL },
	{ "output-cap", 0, VALUE, 0, 0, set_output_cap },
	{ "repeat", 0, VALUE, 0, 0, set_repeat },
	{ "memory-limit", 0, VALUE, 0, 0, set_memory_limit },
	{ "verbose", 'v', FLAG, MEMBER(verbose), 1, NULL },
	{ "progress", 0, FLAG, MEMBER(progress), 1, NULL },
	{ "no-progress", 0, FLAG, MEMBER(progress), 0, NULL },
	{ "help", 'h', ACTION, 0, 0, show_help },
	{ "version", 'V', ACTION, 0, 0, show_version },
	{ "fault", 0, VALUE, 0, 0, set_fault },
	{ "list-faults", 0, FLAG, MEMBER(list_faults), 1, NULL },
	{ "expectations", 'e', STRING, MEMBER(expectations), 0, NULL },
	{ "no-expectations", 0, FLAG, MEMBER(no_expectations), 1, NULL },
	{ "stream", 0, STRING, MEMBER(stream_path), 0, NULL },
};
#define NOPTIONS (sizeof(option_table) / sizeof(option_table[0]))

/* The option arg names (--name, --name=value, -x, -xVALUE), or NULL; its
 * name without dashes and any value given with it come back too. */
static const struct option_def *find_option(const char *arg, const char **name,
					    size_t *namelen, const char **value)
{
	*value = NULL;
	if (arg[1] == '-') {
		const char *eq = strchr(arg + 2, '=');
		*name = arg + 2;
		*namelen = eq ? (size_t)(eq - *name) : strlen(*name);
		*value = eq ? eq + 1 : NULL;
		for (size_t k = 0; k < NOPTIONS; k++)
			if (strlen(option_table[k].name) == *namelen &&
			    !strncmp(option_table[k].name, *name, *namelen))
				return &option_table[k];
		return NULL;
	}
	*name = arg + 1;
	*namelen = 1;
	*value = arg[2] ? arg + 2 : NULL;
	for (size_t k = 0; k < NOPTIONS; k++)
		if (option_table[k].short_name == arg[1])
			return &option_table[k];
	return NULL;
}

static int apply_option(const struct option_def *d, struct options *o, const char *value,
			FILE *out, char *err, size_t errlen)
{
	char *base = (char *)o;

	switch (d->kind) {
	case FLAG:
		*(int *)(void *)(base + d->member) = d->value;
		return 0;
	case STRING:
		*(const char **)(void *)(base + d->member) = value;
		return 0;
	default:
		return d->fn(o, value, out, err, errlen);
	}
}

/* The option at argv[*i], with its value from the next word if it takes one. */
static int parse_option(int argc, char **argv, int *i, struct options *o, FILE *out,
			char *err, size_t errlen)
{
	const char *arg = argv[*i], *name, *value;
	size_t namelen;
	const struct option_def *d = find_option(arg, &name, &namelen, &value);

	if (!d)
		return set_error(err, errlen, "unknown option '%s' (try --help)", arg);
	int takes_value = d->kind == STRING || d->kind == VALUE;
	if (takes_value && !value) {
		if (*i + 1 >= argc)
			return set_error(err, errlen, "option '%s' needs a value", arg);
		value = argv[++*i];
	} else if (!takes_value && value) {
		return set_error(err, errlen, "option '%.*s' takes no value", (int)namelen, name);
	}
	return apply_option(d, o, value, out, err, errlen);
}

static void set_defaults(struct options *o)
{
	memset(o, 0, sizeof(*o));
	o->timeout_multiplier = 1.0;
	o->output_cap = 65536;
	o->repeat = 1;
	o->progress = -1;
	o->format = FORMAT_TEXT;
}

/* What only the whole command line can tell. */
/* A file that may not exist yet, by its directory's real name and its own. */
static void where(char *out, size_t size, const char *path)
{
	char dir[PATH_MAX], real[PATH_MAX];
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;

	snprintf(dir, sizeof(dir), "%.*s", slash ? (int)(slash - path) + 1 : 1,
		 slash ? path : ".");
	if (realpath(dir, real))
		snprintf(out, size, "%s/%s", real, base);
	else
		snprintf(out, size, "%s", path);
}

int same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	char wa[PATH_MAX * 2], wb[PATH_MAX * 2];

	if (!a || !b || !*a || !*b)
		return 0;	/* "" names no file */
	if (!strcmp(a, b))
		return 1;
	if (stat(a, &sa) == 0 && stat(b, &sb) == 0)
		return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
	where(wa, sizeof(wa), a);
	where(wb, sizeof(wb), b);
	return !strcmp(wa, wb);
}

/* No file named twice: an output written over another, or over the
 * expectations it reads. */
static int files_distinct(const struct options *o, char *err, size_t errlen)
{
	const struct {
		const char *option, *path;
	} files[] = {
		{ o->resume_path ? "--resume" : "--json", o->resume_path ? o->resume_path
									  : o->json_path },
		{ "--stream", o->stream_path },
		{ "--junit", o->junit_path },
		{ "--expectations", o->expectations },	/* read, never written */
	};
	const size_t n = sizeof(files) / sizeof(files[0]);

	for (size_t i = 0; i < n; i++)
		for (size_t k = i + 1; k < n; k++)
			if (same_file(files[i].path, files[k].path))
				return set_error(err, errlen, "%s and %s name the same file %s",
						 files[i].option, files[k].option, files[k].path);
	return 0;
}

static int check_options(struct options *o, char *err, size_t errlen)
{
	if (o->no_json && o->json_path)
		return set_error(err, errlen, "--json and --no-json contradict each other");
	if (o->no_expectations && o->expectations)
		return set_error(err, errlen,
				 "--expectations and --no-expectations contradict each other");
	if (o->resume_path && (o->no_json || o->json_path))
		return set_error(err, errlen,
				 "--resume continues its own record; drop --json/--no-json");
	if (files_distinct(o, err, errlen) < 0)
		return -1;
	if (o->jobs == 0) {
		long cpus = online_cpus();
		o->jobs = cpus > 0 ? (int)cpus : 1;
	}
	return 0;
}

enum parse_result parse_options(int argc, char **argv, struct options *o,
				FILE *out, char *err, size_t errlen)
{
	int only_operands = 0, ret = 0;

	set_defaults(o);
	/* LTP's variable, which kirk and LAVA's LTP jobs set: more time on slow
	 * machines, never less than a case's own limit; -t still overrides. */
	const char *ltp_mul = getenv("LTP_TIMEOUT_MUL");
	if (ltp_mul && *ltp_mul) {
		if (set_multiplier(o, ltp_mul, out, err, errlen) < 0) {
			set_error(err, errlen, "LTP_TIMEOUT_MUL wants a number from 0.01 to 1000, "
				  "not '%s'", ltp_mul);
			return PARSE_ERROR;
		}
		if (o->timeout_multiplier < 1)
			o->timeout_multiplier = 1;
	}
	for (int i = 1; i < argc && !ret; i++) {
		const char *arg = argv[i];

		if (only_operands || arg[0] != '-' || !arg[1]) {
			if (is_path(arg))
				push(&o->paths, &o->npaths, arg);
			else
				push(&o->selectors, &o->nselectors, arg);
		} else if (!strcmp(arg, "--")) {
			only_operands = 1;
		} else {
			ret = parse_option(argc, argv, &i, o, out, err, errlen);
		}
	}
	if (!ret)
		ret = check_options(o, err, errlen);
	if (!ret)
		return PARSE_OK;
	free_options(o);
	return ret > 0 ? PARSE_EXIT : PARSE_ERROR;
}

void free_options(struct options *o)
{
	free(o->groups);
	free(o->selectors);
	free(o->excludes);
	o->excludes = NULL;
	o->nexcludes = 0;
	free(o->paths);
	o->groups = o->selectors = o->paths = NULL;
	o->ngroups = o->nselectors = o->npaths = 0;
}
