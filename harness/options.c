/*
 * options.c - the runner's command line.  A small parser of its own: it
 * behaves the same on every libc and can be called again and again by the
 * unit tests (getopt keeps hidden state).
 */
#include "harness.h"
#include "faults/faults.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage_text[] =
	"Usage: mmapcts [OPTION]... [SELECTOR|PATH]...\n"
	"Run the mmapcts conformance cases, each in its own isolated child.\n"
	"\n"
	"A SELECTOR is a case id (anon/zero-fill, private-file/x:shm), an id glob\n"
	"('munmap/*'), a group name, an id without its variant, or covers:ROW for\n"
	"the cases that declare a row of the behaviour catalogue (covers:B3).\n"
	"A PATH to a case executable (starting with '/', './' or '../', or an\n"
	"existing file) runs that program as a case.\n"
	"\n"
	"  -j, --jobs N                 run N cases at once (default: online CPUs)\n"
	"  -g, --group GROUP            only the cases of GROUP (repeatable)\n"
	"  -p, --profile posix|linux    only the cases of that profile\n"
	"  -t, --timeout-multiplier X   multiply every case's time limit by X\n"
	"      --timeout SECONDS        one time limit for every case\n"
	"  -l, --list                   print the selected cases and exit\n"
	"      --uncovered              print the catalogue rows (of --profile) no\n"
	"                               case covers wholly yet (none or partly), exit\n"
	"  -f, --format text|ktap       what goes to stdout (default: text)\n"
	"      --json FILE              write the record to FILE (default:\n"
	"                               mmapcts-<os>-<release>-<arch>-<libc>-<version>.json)\n"
	"      --no-json                write no record\n"
	"      --junit FILE             also write JUnit XML to FILE\n"
	"      --stream PATH            also write each event as it happens, one line\n"
	"                               each, to PATH (a file, /dev/ttyS1, /dev/hvc0):\n"
	"                               what a crash of the system cannot take back\n"
	"  -e, --expectations FILE      known deviations (reports/expectations.tsv):\n"
	"                               a matching verdict is expected, not a failure\n"
	"      --wrapper 'CMD ...'      run each case under CMD (qemu-user, valgrind,\n"
	"                               env LD_PRELOAD=...)\n"
	"      --resume FILE            continue a run cut short, in its record\n"
	"      --cases-dir DIR          where manifest.tsv and the cases are\n"
	"      --output-cap BYTES       keep at most BYTES of a case's output (65536)\n"
	"      --repeat N               run the selection N times (benchmarks)\n"
	"      --fault NAME             run the cases (never the runner) on a system\n"
	"                               broken on purpose in one way (mmapcts-faults.so)\n"
	"      --list-faults            name the faults, one line each\n"
	"  -v, --verbose                print the output of every case that did not pass\n"
	"      --progress, --no-progress  the progress line (default: on a terminal)\n"
	"  -h, --help                   this text\n"
	"  -V, --version                the version\n"
	"\n"
	"Exit status: 0 when no case FAILed, TIMEOUTed or CRASHed (but for known\n"
	"deviations); 1 otherwise;\n"
	"2 on bad usage or when the runner itself could not work.\n";

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

enum parse_result parse_options(int argc, char **argv, struct options *o,
				FILE *out, char *err, size_t errlen)
{
	static const struct {
		const char *lng;
		char shrt;
		int takes_value;
	} table[] = {
		{ "jobs", 'j', 1 }, { "group", 'g', 1 }, { "profile", 'p', 1 },
		{ "timeout-multiplier", 't', 1 }, { "timeout", 0, 1 },
		{ "list", 'l', 0 }, { "format", 'f', 1 }, { "json", 0, 1 },
		{ "no-json", 0, 0 }, { "junit", 0, 1 }, { "wrapper", 0, 1 },
		{ "resume", 0, 1 }, { "cases-dir", 0, 1 }, { "output-cap", 0, 1 },
		{ "repeat", 0, 1 }, { "verbose", 'v', 0 }, { "progress", 0, 0 },
		{ "no-progress", 0, 0 }, { "help", 'h', 0 }, { "version", 'V', 0 },
		{ "fault", 0, 1 }, { "list-faults", 0, 0 }, { "expectations", 'e', 1 },
		{ "stream", 0, 1 }, { "uncovered", 0, 0 },
	};
	int only_positional = 0;

	memset(o, 0, sizeof(*o));
	o->jobs = 0;
	o->timeout_multiplier = 1.0;
	o->output_cap = 65536;
	o->repeat = 1;
	o->progress = -1;
	o->format = FORMAT_TEXT;

	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i], *value = NULL, *name;
		char shortname[2] = { 0, 0 };
		size_t k, namelen;
		long n;

		if (only_positional || arg[0] != '-' || !arg[1]) {
			if (is_path(arg))
				push(&o->paths, &o->npaths, arg);
			else
				push(&o->selectors, &o->nselectors, arg);
			continue;
		}
		if (!strcmp(arg, "--")) {
			only_positional = 1;
			continue;
		}
		/* Find the option: --name, --name=value, -x, -xVALUE. */
		if (arg[1] == '-') {
			name = arg + 2;
			const char *eq = strchr(name, '=');
			namelen = eq ? (size_t)(eq - name) : strlen(name);
			if (eq)
				value = eq + 1;
			for (k = 0; k < sizeof(table) / sizeof(table[0]); k++)
				if (strlen(table[k].lng) == namelen &&
				    !strncmp(table[k].lng, name, namelen))
					break;
		} else {
			shortname[0] = arg[1];
			name = shortname;
			namelen = 1;
			for (k = 0; k < sizeof(table) / sizeof(table[0]); k++)
				if (table[k].shrt == arg[1])
					break;
			if (arg[2])
				value = arg + 2;
		}
		if (k == sizeof(table) / sizeof(table[0])) {
			set_error(err, errlen, "unknown option '%s' (try --help)", arg);
			goto fail;
		}
		if (table[k].takes_value && !value) {
			if (i + 1 >= argc) {
				set_error(err, errlen, "option '%s' needs a value", arg);
				goto fail;
			}
			value = argv[++i];
		} else if (!table[k].takes_value && value) {
			set_error(err, errlen, "option '%.*s' takes no value", (int)namelen, name);
			goto fail;
		}

		const char *opt = table[k].lng;
		if (!strcmp(opt, "jobs")) {
			if (parse_long(value, 1, 4096, &n) < 0) {
				set_error(err, errlen, "--jobs wants a number from 1 to 4096, not '%s'", value);
				goto fail;
			}
			o->jobs = (int)n;
		} else if (!strcmp(opt, "group")) {
			push(&o->groups, &o->ngroups, value);
		} else if (!strcmp(opt, "profile")) {
			if (strcmp(value, "posix") && strcmp(value, "linux")) {
				set_error(err, errlen, "--profile is posix or linux, not '%s'", value);
				goto fail;
			}
			o->profile = value;
		} else if (!strcmp(opt, "timeout-multiplier")) {
			char *end;
			errno = 0;
			double x = strtod(value, &end);
			if (errno || end == value || *end || !(x > 0) || x > 1000) {
				set_error(err, errlen, "--timeout-multiplier wants a number above 0, not '%s'", value);
				goto fail;
			}
			o->timeout_multiplier = x;
		} else if (!strcmp(opt, "timeout")) {
			if (parse_long(value, 1, 86400, &n) < 0) {
				set_error(err, errlen, "--timeout wants seconds from 1 to 86400, not '%s'", value);
				goto fail;
			}
			o->timeout = (int)n;
		} else if (!strcmp(opt, "list")) {
			o->list = 1;
		} else if (!strcmp(opt, "uncovered")) {
			o->uncovered = 1;
		} else if (!strcmp(opt, "format")) {
			if (!strcmp(value, "text"))
				o->format = FORMAT_TEXT;
			else if (!strcmp(value, "ktap"))
				o->format = FORMAT_KTAP;
			else {
				set_error(err, errlen, "--format is text or ktap, not '%s'", value);
				goto fail;
			}
		} else if (!strcmp(opt, "json")) {
			o->json_path = value;
		} else if (!strcmp(opt, "no-json")) {
			o->no_json = 1;
		} else if (!strcmp(opt, "junit")) {
			o->junit_path = value;
		} else if (!strcmp(opt, "wrapper")) {
			if (!*value) {
				set_error(err, errlen, "--wrapper wants a command");
				goto fail;
			}
			o->wrapper = value;
		} else if (!strcmp(opt, "resume")) {
			o->resume_path = value;
		} else if (!strcmp(opt, "cases-dir")) {
			o->cases_dir = value;
		} else if (!strcmp(opt, "output-cap")) {
			if (parse_long(value, 0, 1L << 30, &n) < 0) {
				set_error(err, errlen, "--output-cap wants bytes from 0 to 2^30, not '%s'", value);
				goto fail;
			}
			o->output_cap = (size_t)n;
		} else if (!strcmp(opt, "repeat")) {
			if (parse_long(value, 1, 1000000, &n) < 0) {
				set_error(err, errlen, "--repeat wants a number from 1 to 1000000, not '%s'", value);
				goto fail;
			}
			o->repeat = (int)n;
		} else if (!strcmp(opt, "fault")) {
			int known = 0;
			for (int f = 0; f < FAULT_COUNT; f++)
				known |= !strcmp(value, mmapcts_fault_defs[f].name);
			if (!known) {
				set_error(err, errlen, "unknown fault '%s' (see --list-faults)", value);
				goto fail;
			}
			o->fault = value;
		} else if (!strcmp(opt, "expectations")) {
			o->expectations = value;
		} else if (!strcmp(opt, "stream")) {
			o->stream_path = value;
		} else if (!strcmp(opt, "list-faults")) {
			o->list_faults = 1;
		} else if (!strcmp(opt, "verbose")) {
			o->verbose = 1;
		} else if (!strcmp(opt, "progress")) {
			o->progress = 1;
		} else if (!strcmp(opt, "no-progress")) {
			o->progress = 0;
		} else if (!strcmp(opt, "help")) {
			fputs(usage_text, out);
			free_options(o);
			return PARSE_EXIT;
		} else if (!strcmp(opt, "version")) {
			fprintf(out, "mmapcts %s\n", PACKAGE_VERSION);
			free_options(o);
			return PARSE_EXIT;
		}
	}
	if (o->no_json && o->json_path) {
		set_error(err, errlen, "--json and --no-json contradict each other");
		goto fail;
	}
	if (o->resume_path && (o->no_json || o->json_path)) {
		set_error(err, errlen, "--resume continues its own record; drop --json/--no-json");
		goto fail;
	}
	if (o->jobs == 0) {
		long cpus = sysconf(_SC_NPROCESSORS_ONLN);
		o->jobs = cpus > 0 ? (int)cpus : 1;
	}
	return PARSE_OK;
fail:
	free_options(o);
	return PARSE_ERROR;
}

void free_options(struct options *o)
{
	free(o->groups);
	free(o->selectors);
	free(o->paths);
	o->groups = o->selectors = o->paths = NULL;
	o->ngroups = o->nselectors = o->npaths = 0;
}
