/*
 * main.c - mmapcts, the runner: select the cases, run them isolated and in
 * parallel, and write what happened (terminal or KTAP, a JSON record, a
 * stream of events, JUnit XML).
 */
#include "harness.h"
#include "faults/faults.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef CASESDIR
#define CASESDIR "/usr/local/libexec/mmapcts/cases"
#endif

struct run_state {
	const struct expectations *known;
	const char *system;
	struct record *rec;
	struct stream *stream;
	struct reporter *rp;
	struct result **results;
	size_t nresults;
	size_t failures;
};

static void on_started(const struct case_entry *c, void *ctx)
{
	struct run_state *st = ctx;

	stream_started(st->stream, c->id);
	if (st->rec)
		record_started(st->rec, c->id);
	reporter_started(st->rp, c);
}

static void on_finished(struct result *r, void *ctx)
{
	struct run_state *st = ctx;

	if (r->outcome != OUT_PASS && st->known)
		r->expected = expectation_for(st->known, r->c->id, r->outcome, st->system);
	stream_result(st->stream, r);
	if (st->rec)
		record_result(st->rec, r);
	reporter_result(st->rp, r);
	st->failures += outcome_is_failure(r->outcome) && !r->expected;
	st->results = xrealloc(st->results, sizeof(*st->results) * (st->nresults + 1));
	st->results[st->nresults++] = r;
}

/* The directory of this runner's executable, or "" when unknown. */
static const char *self_dir(const char *argv0)
{
	static char dir[PATH_MAX];
	ssize_t n = -1;

#ifdef __linux__
	n = readlink("/proc/self/exe", dir, sizeof(dir) - 1);
	if (n > 0)
		dir[n] = '\0';
#endif
	if (n <= 0 && !realpath(argv0, dir))
		dir[0] = '\0';
	char *slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	else
		dir[0] = '\0';
	return dir;
}

/* The cases next to a runner in the build tree, else the installed ones. */
static const char *find_cases_dir(const struct options *o, const char *argv0)
{
	static char guess[PATH_MAX + 32];
	char probe[sizeof(guess) + 16];
	struct stat st;
	const char *env = getenv("MMAPCTS_CASES_DIR");

	if (o->cases_dir)
		return o->cases_dir;
	if (env && *env)
		return env;
	snprintf(guess, sizeof(guess), "%s/../cases", self_dir(argv0));
	snprintf(probe, sizeof(probe), "%s/manifest.tsv", guess);
	return stat(probe, &st) == 0 ? guess : CASESDIR;
}

/* mmapcts-faults.so beside a runner in the build tree, else the installed one. */
static const char *find_faults_lib(const char *argv0)
{
#ifdef HAVE_FAULTS
	static char path[PATH_MAX + 64];

	snprintf(path, sizeof(path), "%s/faults/mmapcts-faults.so", self_dir(argv0));
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

static int cmp_id(const void *a, const void *b)
{
	const struct case_entry *x = *(struct case_entry *const *)a;
	const struct case_entry *y = *(struct case_entry *const *)b;
	return strcmp(x->id, y->id);
}

int main(int argc, char **argv)
{
	struct options o;
	struct manifest m = { 0 }, named = { 0 };
	struct case_entry **sel = NULL, **todo = NULL;
	struct expectations known = { 0 };
	char syskey[1024];
	int *used = NULL;
	struct sysinfo sys;
	struct record rec;
	struct stream stream = { .fd = -1 };
	struct reporter rp = { 0 };
	struct run_state st = { 0 };
	char err[1024], record_path[PATH_MAX];
	const char *tmpbase = getenv("TMPDIR");
	int have_record = 0, status = 0;

	signal(SIGPIPE, SIG_IGN);
	switch (parse_options(argc, argv, &o, stdout, err, sizeof(err))) {
	case PARSE_EXIT:
		return 0;
	case PARSE_ERROR:
		fprintf(stderr, "mmapcts: %s\n", err);
		return 2;
	case PARSE_OK:
		break;
	}

	if (o.list_faults) {
		for (int f = 0; f < FAULT_COUNT; f++)
			printf("%-28s %-13s %s\n", mmapcts_fault_defs[f].name,
			       mmapcts_fault_defs[f].group, mmapcts_fault_defs[f].description);
		goto done;
	}
	if (o.fault) {
		o.faults_lib = find_faults_lib(argv[0]);
		if (!o.faults_lib) {
			fprintf(stderr, "mmapcts: --fault needs mmapcts-faults.so, which this "
				"build does not have (static, or no LD_PRELOAD here)\n");
			status = 2;
			goto done;
		}
	}

	/* The manifest, unless only programs were named. */
	int need_manifest = o.nselectors || o.ngroups || !o.npaths || o.list || o.uncovered;
	if (need_manifest) {
		const char *dir = find_cases_dir(&o, argv[0]);
		if (manifest_load(&m, dir, err, sizeof(err)) < 0 ||
		    (o.uncovered &&
		     catalogue_print_uncovered(dir, &m, o.profile, stdout, err, sizeof(err)) < 0)) {
			fprintf(stderr, "mmapcts: %s\n", err);
			status = 2;
			goto done;
		}
		if (o.uncovered)
			goto done;
	}

	/* Programs named on the command line (one entry per variant). */
	for (int p = 0; p < o.npaths; p++) {
		if (access(o.paths[p], X_OK) < 0) {
			fprintf(stderr, "mmapcts: %s: not an executable case: %s\n", o.paths[p],
				strerror(errno));
			status = 2;
			goto done;
		}
		manifest_add_path(&named, o.paths[p], o.wrapper);
	}

	/* Select. */
	size_t nsel = 0;
	sel = xcalloc(m.n + named.n + 1, sizeof(*sel));
	used = xcalloc((size_t)o.nselectors + (size_t)o.ngroups + 1, sizeof(int));
	for (size_t i = 0; i < m.n; i++) {
		struct case_entry *c = &m.cases[i];
		int ok = 1;

		if (o.profile && strcmp(c->profile, o.profile))
			ok = 0;
		if (ok && o.ngroups) {
			int any = 0;
			for (int g = 0; g < o.ngroups; g++)
				if (!strcmp(c->group, o.groups[g]))
					any = used[o.nselectors + g] = 1;
			ok = any;
		}
		if (ok && o.nselectors) {
			int any = 0;
			for (int s = 0; s < o.nselectors; s++)
				if (case_matches(c, o.selectors[s]))
					any = used[s] = 1;
			ok = any;
		} else if (ok && !o.ngroups && o.npaths) {
			ok = 0;	/* programs named, nothing selected from the manifest */
		}
		if (ok)
			sel[nsel++] = c;
	}
	for (int s = 0; s < o.nselectors + o.ngroups; s++) {
		if (!used[s]) {
			const char *what = s < o.nselectors ? o.selectors[s]
							    : o.groups[s - o.nselectors];
			fprintf(stderr, "mmapcts: no case matches '%s' (see --list)\n", what);
			status = 2;
			goto done;
		}
	}
	qsort(sel, nsel, sizeof(*sel), cmp_id);
	for (size_t p = 0; p < named.n; p++)
		sel[nsel++] = &named.cases[p];

	if (o.list) {
		for (size_t i = 0; i < nsel; i++)
			printf("%s\t%s\t%s\n", sel[i]->id, sel[i]->profile, sel[i]->assertion);
		goto done;
	}

	/* --repeat: the selection over again (the benchmark uses it). */
	size_t total = nsel * (size_t)o.repeat;
	todo = xcalloc(total + 1, sizeof(*todo));
	for (size_t i = 0; i < total; i++)
		todo[i] = sel[i % nsel];

	sysinfo_collect(&sys, tmpbase && *tmpbase ? tmpbase : "/tmp");
	if (o.wrapper)
		snprintf(sys.emulation, sizeof(sys.emulation), "%s", o.wrapper);
	system_key(syskey, sizeof(syskey), &sys);
	st.system = syskey;
	if (o.expectations) {
		if (expectations_load(&known, o.expectations, err, sizeof(err)) < 0) {
			fprintf(stderr, "mmapcts: %s\n", err);
			status = 2;
			goto done;
		}
		st.known = &known;
	}

	struct run_info run = { &sys, &o, argc, argv, time(NULL) };
	if (o.stream_path) {
		if (stream_open(&stream, o.stream_path, err, sizeof(err)) < 0) {
			fprintf(stderr, "mmapcts: %s\n", err);
			status = 2;
			goto done;
		}
		stream_begin(&stream, &run);
	}

	if (o.resume_path) {
		if (record_resume(&rec, o.resume_path, err, sizeof(err)) < 0) {
			fprintf(stderr, "mmapcts: %s\n", err);
			status = 2;
			goto done;
		}
		snprintf(record_path, sizeof(record_path), "%s", o.resume_path);
		have_record = 1;
		size_t kept = 0;
		for (size_t i = 0; i < total; i++)
			if (!record_has(&rec, todo[i]->id))
				todo[kept++] = todo[i];
		total = kept;
	} else if (!o.no_json) {
		if (o.json_path)
			snprintf(record_path, sizeof(record_path), "%s", o.json_path);
		else
			default_record_name(record_path, sizeof(record_path), &sys);
		if (record_open(&rec, record_path, &run, err, sizeof(err)) < 0) {
			fprintf(stderr, "mmapcts: %s\n", err);
			status = 2;
			goto done;
		}
		have_record = 1;
	}

	rp.out = stdout;
	rp.format = o.format;
	rp.verbose = o.verbose;
	rp.progress = o.progress < 0 ? isatty(STDOUT_FILENO) : o.progress;
	st.rec = have_record ? &rec : NULL;
	st.stream = &stream;
	st.rp = &rp;
	reporter_begin(&rp, total);

	struct run_hooks hooks = { on_started, on_finished, &st };
	double t0 = now_seconds();
	int ran = run_cases(todo, total, &o, &hooks);
	double duration = now_seconds() - t0;

	if (have_record)
		record_close(&rec, duration);
	stream_close(&stream, duration, ran != 0);
	/* Say where the record is in a way that works from any directory. */
	char shown[PATH_MAX * 2];
	char cwd[PATH_MAX];
	if (have_record && record_path[0] != '/' && getcwd(cwd, sizeof(cwd)))
		snprintf(shown, sizeof(shown), "%s/%s", cwd, record_path);
	else
		snprintf(shown, sizeof(shown), "%s", record_path);
	reporter_end(&rp, duration, have_record ? shown : NULL);
	if (o.junit_path) {
		FILE *f = fopen(o.junit_path, "w");
		if (!f) {
			fprintf(stderr, "mmapcts: cannot write %s: %s\n", o.junit_path,
				strerror(errno));
			status = 2;
		} else {
			junit_write(f, st.results, st.nresults, &sys, duration);
			fclose(f);
		}
	}
	if (ran < 0) {
		fprintf(stderr, "mmapcts: the run was cut short\n");
		status = 2;
	} else if (ran > 0) {
		fprintf(stderr, "mmapcts: interrupted; the record keeps what finished "
			"(continue with --resume)\n");
		status = 2;
	} else if (!status) {
		status = st.failures ? 1 : 0;
	}

done:
	stream_close(&stream, 0, 1);	/* done already, unless a later step failed */
	expectations_free(&known);
	for (size_t i = 0; i < st.nresults; i++)
		result_free(st.results[i]);
	free(st.results);
	free(used);
	free(todo);
	free(sel);
	manifest_free(&named);
	manifest_free(&m);
	free_options(&o);
	return status;
}
