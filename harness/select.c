/*
 * select.c - which cases a run runs: those of the manifest that the
 * selectors, groups and profile pick, in id order, then the programs named
 * on the command line, all of it --repeat times.
 */
#include "harness.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef CASESDIR
#define CASESDIR "/usr/local/libexec/mmapcts/cases"
#endif

const char *runner_dir(const char *argv0)
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

	/* Named: against the caller's directory (cases run elsewhere). */
	if (o->cases_dir || (env && *env))
		return realpath(o->cases_dir ? o->cases_dir : env, guess)
			       ? guess
			       : o->cases_dir ? o->cases_dir : env;
	snprintf(guess, sizeof(guess), "%s/../cases", runner_dir(argv0));
	snprintf(probe, sizeof(probe), "%s/manifest.tsv", guess);
	return stat(probe, &st) == 0 ? guess : CASESDIR;
}

static int cmp_id(const void *a, const void *b)
{
	const struct case_entry *x = *(struct case_entry *const *)a;
	const struct case_entry *y = *(struct case_entry *const *)b;
	return strcmp(x->id, y->id);
}

/* Does any of the names match the case?  Marks each name that does. */
static int any_matches(const struct case_entry *c, const char **names, int n, int *used,
		       int (*match)(const struct case_entry *, const char *))
{
	int any = 0;

	for (int i = 0; i < n; i++)
		if (match(c, names[i]))
			any = used[i] = 1;
	return any;
}

static int in_group(const struct case_entry *c, const char *group)
{
	return !strcmp(c->group, group);
}

/* Is the manifest case in the run?  used[] marks selectors, then groups. */
int case_selected(const struct case_entry *c, const struct options *o, int *used)
{
	if (o->profile && strcmp(c->profile, o->profile))
		return 0;
	if (o->ngroups && !any_matches(c, o->groups, o->ngroups, used + o->nselectors, in_group))
		return 0;
	if (o->nselectors)
		return any_matches(c, o->selectors, o->nselectors, used, case_matches);
	/* Programs named and nothing selected: none from the manifest. */
	return o->ngroups || !o->npaths;
}

/* Every selector and group must pick something: a typo is no empty run. */
static int check_used(const struct options *o, const int *used, char *err, size_t errlen)
{
	for (int s = 0; s < o->nselectors + o->ngroups; s++)
		if (!used[s])
			return set_error(err, errlen, "no case matches '%s' (see --list)",
					 s < o->nselectors ? o->selectors[s]
							   : o->groups[s - o->nselectors]);
	return 0;
}

/* A program named on the command line, resolved against the caller's
 * directory (cases run in directories of their own): a regular file
 * someone may execute, else a usage error. */
static int named_program(const char *path, char *full, char *err, size_t errlen)
{
	struct stat st;

	if (!realpath(path, full) || stat(full, &st) < 0)
		return set_error(err, errlen, "%s: not an executable case: %s", path,
				 strerror(errno));
	if (!S_ISREG(st.st_mode) || !(st.st_mode & (S_IXUSR | S_IXGRP | S_IXOTH)) ||
	    access(full, X_OK) < 0)
		return set_error(err, errlen, "%s: not an executable case: %s", path,
				 S_ISDIR(st.st_mode)   ? "a directory"
				 : !S_ISREG(st.st_mode) ? "not a regular file"
							: strerror(EACCES));
	return 0;
}

static int load_cases(struct selection *sel, const struct options *o, const char *argv0,
		      char *err, size_t errlen)
{
	/* The manifest, unless only programs were named. */
	if (o->nselectors || o->ngroups || !o->npaths || o->list || o->uncovered) {
		sel->cases_dir = find_cases_dir(o, argv0);
		if (manifest_load(&sel->m, sel->cases_dir, err, errlen) < 0)
			return -1;
	}
	/* --describe gets what a case gets: the one limit, else the default. */
	double limit = (o->timeout ? o->timeout : 10) * o->timeout_multiplier;
	for (int p = 0; p < o->npaths; p++) {
		char full[PATH_MAX];
		if (named_program(o->paths[p], full, err, errlen) < 0)
			return -1;
		manifest_add_path(&sel->named, o->paths[p], o->wrapper, limit);
	}
	return 0;
}

/* Does any of the selectors name the case?  (A selector that names none is
 * no error here: a farm's skip file outlives the cases it was written for.) */
static int excluded(const struct case_entry *c, const char **selectors, int n)
{
	for (int i = 0; i < n; i++)
		if (case_matches(c, selectors[i]))
			return 1;
	return 0;
}

/* The selectors of a skip file: one a line, blanks and '#' comments aside. */
static int read_skip_file(struct selection *sel, const char *path, const char ***out, int *n,
			  char *err, size_t errlen)
{
	if (buf_read_file(&sel->skip_text, path) < 0)
		return set_error(err, errlen, "cannot read the skip file %s: %s", path,
				 strerror(errno));
	for (char *line = sel->skip_text.data, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		char *hash = strchr(line, '#');
		if (hash)
			*hash = '\0';
		line += strspn(line, " \t\r");
		size_t len = strlen(line);
		while (len && strchr(" \t\r", line[len - 1]))
			line[--len] = '\0';
		if (len) {
			*out = xrealloc(*out, sizeof(**out) * ((size_t)*n + 1));
			(*out)[(*n)++] = line;
		}
	}
	return 0;
}

int select_cases(struct selection *sel, const struct options *o, const char *argv0,
		 char *err, size_t errlen)
{
	struct case_entry **picked;
	size_t n = 0;

	memset(sel, 0, sizeof(*sel));
	if (load_cases(sel, o, argv0, err, errlen) < 0)
		return -1;
	picked = xcalloc(sel->m.n + sel->named.n + 1, sizeof(*picked));
	int *used = xcalloc((size_t)o->nselectors + (size_t)o->ngroups + 1, sizeof(int));
	const char **skip = NULL;
	int nskip = 0;
	if (o->skip_file && read_skip_file(sel, o->skip_file, &skip, &nskip, err, errlen) < 0) {
		free(picked);
		free(used);
		return -1;
	}
	for (size_t i = 0; i < sel->m.n; i++) {
		const struct case_entry *c = &sel->m.cases[i];
		if (!case_selected(c, o, used))
			continue;
		if (excluded(c, o->excludes, o->nexcludes) || excluded(c, skip, nskip))
			sel->excluded++;
		else
			picked[n++] = &sel->m.cases[i];
	}
	free(skip);
	int ret = check_used(o, used, err, errlen);
	free(used);
	qsort(picked, n, sizeof(*picked), cmp_id);
	for (size_t p = 0; p < sel->named.n; p++)
		picked[n++] = &sel->named.cases[p];
	sel->distinct = n;
	/* --repeat: the selection over again (the benchmark uses it). */
	sel->n = n * (size_t)o->repeat;
	sel->cases = xcalloc(sel->n + 1, sizeof(*sel->cases));
	for (size_t i = 0; i < sel->n; i++)
		sel->cases[i] = picked[i % n];
	free(picked);
	return ret;
}

void selection_free(struct selection *sel)
{
	free(sel->cases);
	manifest_free(&sel->named);
	manifest_free(&sel->m);
	buf_free(&sel->skip_text);
	memset(sel, 0, sizeof(*sel));
}
