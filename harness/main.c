/*
 * main.c - mmapcts, the runner: read the command line (options.c), select
 * the cases (select.c), run them isolated and in parallel (run.c), and hand
 * every event to the output formats (sink.c and its sinks).
 */
#include "harness.h"
#include "faults/faults.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* What the run hooks need: the known deviations and where events go. */
struct runner {
	struct options o;
	struct selection sel;
	struct expectations known;
	int have_known;
	char system[1024];
	struct sysinfo sys;
	struct outputs out;
	struct result **results;	/* kept until every sink has ended */
	size_t nresults;
	char record_path[PATH_MAX];
	char record_shown[PATH_MAX * 2];
	char shipped_expectations[PATH_MAX];	/* the default -e */
};

static void on_started(const struct case_entry *c, void *ctx)
{
	struct runner *rn = ctx;

	outputs_start(&rn->out, c);
}

static void on_finished(struct result *r, void *ctx)
{
	struct runner *rn = ctx;

	if (r->outcome != OUT_PASS && rn->have_known)
		r->expected = expectation_for(&rn->known, r->c->id, r->outcome, rn->system);
	outputs_result(&rn->out, r);
	rn->results = xrealloc(rn->results, sizeof(*rn->results) * (rn->nresults + 1));
	rn->results[rn->nresults++] = r;
}

/* mmapcts-faults.so beside a runner in the build tree, else the installed one. */
static const char *find_faults_lib(const char *argv0)
{
#ifdef HAVE_FAULTS
	static char path[PATH_MAX + 64];

	snprintf(path, sizeof(path), "%s/faults/mmapcts-faults.so", runner_dir(argv0));
	if (access(path, R_OK) == 0)
		return path;
	snprintf(path, sizeof(path), "%s/mmapcts-faults.so", PKGLIBEXECDIR);
	if (access(path, R_OK) == 0)
		return path;
#else
	(void)argv0;
#endif
	return NULL;
}

static void list_faults(void)
{
	for (int f = 0; f < FAULT_COUNT; f++)
		printf("%-28s %-13s %s\n", mmapcts_fault_defs[f].name,
		       mmapcts_fault_defs[f].group, mmapcts_fault_defs[f].description);
}

static void list_cases(const struct selection *sel)
{
	for (size_t i = 0; i < sel->distinct; i++)
		printf("%s\t%s\t%s\n", sel->cases[i]->id, sel->cases[i]->profile,
		       sel->cases[i]->assertion);
}

/* mkdir -p, mode 0700 for what it makes: 0, or -1 with errno. */
static int make_dirs(const char *path)
{
	char part[PATH_MAX];

	snprintf(part, sizeof(part), "%s", path);
	for (char *p = part + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(part, 0700) < 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	return mkdir(part, 0700) < 0 && errno != EEXIST ? -1 : 0;
}

/* The default record: its default name in the working directory, or, where
 * that cannot be written (an installed suite run from /), in
 * $XDG_STATE_HOME/mmapcts (~/.local/state/mmapcts), made if need be. */
static void default_record_path(char *out, size_t size, const struct sysinfo *s)
{
	char name[512], dir[PATH_MAX];
	const char *state = getenv("XDG_STATE_HOME"), *home = getenv("HOME");

	default_record_name(name, sizeof(name), s);
	snprintf(out, size, "%s", name);
	if (access(".", W_OK) == 0)
		return;
	if (state && *state == '/')
		snprintf(dir, sizeof(dir), "%s/mmapcts", state);
	else if (home && *home == '/')
		snprintf(dir, sizeof(dir), "%s/.local/state/mmapcts", home);
	else
		return;
	if (make_dirs(dir) == 0 && snprintf(out, size, "%s/%s", dir, name) >= (int)size)
		snprintf(out, size, "%s", name);	/* too long: let the write say why */
}

/* Where the record goes (none, --resume's, --json's or the default name),
 * and the absolute name the summary shows, which works from any directory. */
static void place_record(struct runner *rn, struct run_info *run)
{
	const struct options *o = &rn->o;
	char cwd[PATH_MAX];

	if (o->resume_path || o->json_path)
		snprintf(rn->record_path, sizeof(rn->record_path), "%s",
			 o->resume_path ? o->resume_path : o->json_path);
	else if (!o->no_json)
		default_record_path(rn->record_path, sizeof(rn->record_path), &rn->sys);
	else
		return;
	if (rn->record_path[0] != '/' && getcwd(cwd, sizeof(cwd)))
		snprintf(rn->record_shown, sizeof(rn->record_shown), "%s%s%s", cwd,
			 strcmp(cwd, "/") ? "/" : "", rn->record_path);
	else
		snprintf(rn->record_shown, sizeof(rn->record_shown), "%s", rn->record_path);
	run->record_path = rn->record_path;
	run->record_shown = rn->record_shown;
}

/* The system the cases run on, and the deviations known for it. */
static int know_system(struct runner *rn, char *err, size_t errlen)
{
	const char *tmpbase = getenv("TMPDIR");

	sysinfo_collect(&rn->sys, tmpbase && *tmpbase ? tmpbase : "/tmp");
	if (rn->o.wrapper) {
		snprintf(rn->sys.emulation, sizeof(rn->sys.emulation), "%s", rn->o.wrapper);
		wrapper_version(rn->sys.emulation_version, sizeof(rn->sys.emulation_version),
				rn->o.wrapper);
	}
	system_key(rn->system, sizeof(rn->system), &rn->sys);
	/* By default the deviations known for the cases in use: the file the
	 * build and `make install` put beside their manifest. */
	if (!rn->o.expectations && !rn->o.no_expectations && rn->sel.cases_dir) {
		snprintf(rn->shipped_expectations, sizeof(rn->shipped_expectations),
			 "%s/expectations.tsv", rn->sel.cases_dir);
		char real[PATH_MAX];
		if (realpath(rn->shipped_expectations, real))
			snprintf(rn->shipped_expectations, sizeof(rn->shipped_expectations), "%s",
				 real);
		if (access(rn->shipped_expectations, F_OK) == 0)
			rn->o.expectations = rn->shipped_expectations;
	}
	if (!rn->o.expectations)
		return 0;
	rn->have_known = 1;
	return expectations_load(&rn->known, rn->o.expectations, err, errlen);
}

/* Leave out what a resumed record holds already. */
static size_t drop_finished(struct runner *rn)
{
	size_t kept = 0;

	for (size_t i = 0; i < rn->sel.n; i++)
		if (!outputs_have(&rn->out, rn->sel.cases[i]->id))
			rn->sel.cases[kept++] = rn->sel.cases[i];
	return kept;
}

/* Run the selection into the sinks: 0, 1 (a verdict turned the run red:
 * outcome_turns_red(), not a known deviation) or 2. */
static int run_selection(struct runner *rn, int argc, char **argv, char *err, size_t errlen)
{
	struct run_info run = { &rn->sys, &rn->o, argc, argv, time(NULL), NULL, NULL, stdout };

	if (know_system(rn, err, errlen) < 0)
		return -1;
	place_record(rn, &run);
	if (outputs_open(&rn->out, &run, err, errlen) < 0)
		return -1;
	size_t total = drop_finished(rn);
	if (rn->sel.excluded)
		fprintf(stderr, "mmapcts: %zu cases left out (--exclude, --skip-file)\n",
			rn->sel.excluded);
	outputs_begin(&rn->out, total);

	struct run_hooks hooks = { on_started, on_finished, rn };
	double t0 = now_seconds();
	int ran = run_cases(rn->sel.cases, total, &rn->o, &hooks);
	struct run_end end = { .duration = now_seconds() - t0, .interrupted = ran != 0 };
	int status = outputs_end(&rn->out, &end) < 0 ? 2 : 0;

	if (ran < 0) {
		fprintf(stderr, "mmapcts: the run was cut short\n");
		return 2;
	}
	if (ran > 0) {
		fprintf(stderr, "mmapcts: interrupted; the record keeps what finished "
			"(continue with --resume)\n");
		return 2;
	}
	status = status ? status : tally_red(&rn->out.tally) ? 1 : 0;
	return rn->o.format == FORMAT_LTP ? ltp_exit_status(&rn->out.tally, status) : status;
}

/* Everything after the command line: 0, 1 or 2 as the usage text says. */
static int run_runner(struct runner *rn, int argc, char **argv, char *err, size_t errlen)
{
	if (rn->o.list_faults) {
		list_faults();
		return 0;
	}
	if (rn->o.fault) {
		rn->o.faults_lib = find_faults_lib(argv[0]);
		if (!rn->o.faults_lib)
			return set_error(err, errlen, "--fault needs mmapcts-faults.so, which this "
					 "build does not have (static, or no LD_PRELOAD here)");
	}
	if (select_cases(&rn->sel, &rn->o, argv[0], err, errlen) < 0)
		return -1;
	if (rn->o.uncovered)
		return catalogue_print_uncovered(rn->sel.cases_dir, &rn->sel.m, rn->o.profile,
						 stdout, err, errlen) < 0 ? -1 : 0;
	if (rn->o.list) {
		list_cases(&rn->sel);
		return 0;
	}
	return run_selection(rn, argc, argv, err, errlen);
}

int main(int argc, char **argv)
{
	static struct runner rn;
	char err[1024];
	int status;

	signal(SIGPIPE, SIG_IGN);
	switch (parse_options(argc, argv, &rn.o, stdout, err, sizeof(err))) {
	case PARSE_EXIT:
		return 0;
	case PARSE_ERROR:
		fprintf(stderr, "mmapcts: %s\n", err);
		return 2;
	case PARSE_OK:
		break;
	}
	status = run_runner(&rn, argc, argv, err, sizeof(err));
	if (status < 0) {
		fprintf(stderr, "mmapcts: %s\n", err);
		status = 2;
	}
	expectations_free(&rn.known);
	for (size_t i = 0; i < rn.nresults; i++)
		result_free(rn.results[i]);
	free(rn.results);
	selection_free(&rn.sel);
	free_options(&rn.o);
	return status;
}
