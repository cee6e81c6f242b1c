/*
 * manifest.c - the list of cases, as the build wrote it from the cases'
 * own MMAPCTS_CASE() blocks (cases/manifest.tsv), plus case executables
 * named on the command line.
 */
#include "harness.h"

#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define MANIFEST_HEADER "# mmapcts manifest 1"
#define MANIFEST_FIELDS 12
/* no_fault, covers and covers_part, the last three, may be absent: manifests
 * written before them still load. */
#define MANIFEST_FIELDS_REQUIRED 9

static struct case_entry *grow(struct manifest *m)
{
	m->cases = xrealloc(m->cases, sizeof(*m->cases) * (m->n + 1));
	memset(&m->cases[m->n], 0, sizeof(m->cases[0]));
	return &m->cases[m->n++];
}

/* One row of the manifest (len bytes at line, no newline) into m. */
static int parse_row(struct manifest *m, const char *line, size_t len, int lineno,
		     const char *cases_dir, char *err, size_t errlen)
{
	char *copy = xcalloc(1, len + 1), *fields[MANIFEST_FIELDS], *p;
	int nf = 0;

	memcpy(copy, line, len);
	for (p = copy; nf < MANIFEST_FIELDS; nf++) {
		fields[nf] = p;
		p = strchr(p, '\t');
		if (!p) {
			nf++;
			break;
		}
		*p++ = '\0';
	}
	if (nf >= MANIFEST_FIELDS_REQUIRED && !p)
		while (nf < MANIFEST_FIELDS)
			fields[nf++] = (char *)"";
	if (nf != MANIFEST_FIELDS || p) {
		int fields_there = 1;
		for (size_t k = 0; k < len; k++)
			fields_there += line[k] == '\t';
		free(copy);
		return set_error(err, errlen, "manifest line %d: %d fields, expected %d",
				 lineno, fields_there, MANIFEST_FIELDS);
	}
	long timeout = strtol(fields[4], &p, 10);
	if (*p || timeout <= 0 || timeout > 86400 || !*fields[0] || !*fields[1]) {
		free(copy);
		return set_error(err, errlen, "manifest line %d: a bad id or time limit", lineno);
	}
	struct case_entry *c = grow(m);
	c->id = xstrdup(fields[0]);
	c->program = xstrdup(fields[1]);
	c->group = xstrdup(fields[2]);
	c->profile = xstrdup(fields[3]);
	c->timeout = (int)timeout;
	c->variant = xstrdup(fields[5]);
	c->needs = xstrdup(fields[6]);
	c->spec = xstrdup(fields[7]);
	c->assertion = xstrdup(fields[8]);
	c->covers = xstrdup(fields[10]);
	c->covers_part = xstrdup(fields[11]);
	size_t plen = strlen(cases_dir) + strlen(c->program) + 2;
	c->path = xcalloc(1, plen);
	snprintf(c->path, plen, "%s/%s", cases_dir, c->program);
	free(copy);
	return 0;
}

int manifest_parse(struct manifest *m, const char *text, const char *cases_dir,
		   char *err, size_t errlen)
{
	const char *line = text;
	int lineno = 0;

	memset(m, 0, sizeof(*m));
	size_t hlen = strlen(MANIFEST_HEADER);
	if (strncmp(text, MANIFEST_HEADER, hlen) != 0 ||
	    (text[hlen] != '\n' && text[hlen] != '\0'))
		return set_error(err, errlen, "not an mmapcts manifest (no '%s' line)",
			     MANIFEST_HEADER);
	while (*line) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);

		lineno++;
		if (len > 0 && line[0] != '#' &&
		    parse_row(m, line, len, lineno, cases_dir, err, errlen) < 0) {
			manifest_free(m);
			return -1;
		}
		if (!end)
			break;
		line = end + 1;
	}
	return 0;
}

int manifest_load(struct manifest *m, const char *cases_dir, char *err, size_t errlen)
{
	char path[4096];
	struct buf text = { 0 };
	int ret;

	snprintf(path, sizeof(path), "%s/manifest.tsv", cases_dir);
	if (buf_read_file(&text, path) < 0) {
		ret = set_error(err, errlen, "cannot read the manifest %s: %s", path,
				strerror(errno));
		buf_free(&text);
		return ret;
	}
	ret = manifest_parse(m, text.data, cases_dir, err, errlen);
	if (ret < 0) {
		char inner[512];
		snprintf(inner, sizeof(inner), "%s", err);
		set_error(err, errlen, "%s: %s", path, inner);
	}
	buf_free(&text);
	return ret;
}

static void set(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src);

	if (n >= size)
		n = size - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* Ask a program built with the case library for its metadata, isolated and
 * for at most limit seconds.  Returns NULL, or why it gave none in time. */
static char *describe(const char *path, const char *wrapper, double limit, char *profile,
		      char *spec, char *assertion, char *variants, int *timeout, size_t size)
{
	struct buf out = { 0 }, script = { 0 };
	char *argv[8];
	int argc = 0, timed_out = 0, status;
	char *why = NULL;

	if (wrapper) {
		buf_printf(&script, "%s \"$@\"", wrapper);
		argv[argc++] = (char *)"/bin/sh";
		argv[argc++] = (char *)"-c";
		argv[argc++] = script.data;
		argv[argc++] = (char *)"sh";
	}
	argv[argc++] = (char *)path;
	argv[argc++] = (char *)"--describe";
	argv[argc] = NULL;
	status = run_isolated(argv, limit, &out, &timed_out);
	buf_free(&script);
	for (char *save = NULL, *line = strtok_r(out.data ? out.data : (char[]){ 0 }, "\n", &save);
	     line; line = strtok_r(NULL, "\n", &save)) {
		if (!strncmp(line, "profile: ", 9))
			set(profile, size, line + 9);
		else if (!strncmp(line, "spec: ", 6))
			set(spec, size, line + 6);
		else if (!strncmp(line, "assertion: ", 11))
			set(assertion, size, line + 11);
		else if (!strncmp(line, "variants: ", 10))
			set(variants, size, line + 10);
		else if (!strncmp(line, "timeout: ", 9) && atoi(line + 9) > 0)
			*timeout = atoi(line + 9);
	}
	buf_free(&out);
	/* A program outside the case library ignores --describe: the defaults stand. */
	if (timed_out || status != 0) {
		profile[0] = spec[0] = variants[0] = '\0';
		snprintf(assertion, size, "(named on the command line)");
		*timeout = 10;
	}
	if (timed_out) {
		char text[128];
		snprintf(text, sizeof(text), "no metadata within %g s (--describe)", limit);
		why = xstrdup(text);
	}
	return why;
}

void manifest_add_path(struct manifest *m, const char *path, const char *wrapper,
		       double limit)
{
	char profile[1024] = "", spec[1024] = "", variants[1024] = "";
	char assertion[1024] = "(named on the command line)";
	int timeout = 10;
	const char *id = path, *in_cases = strstr(path, "/cases/");
	if (in_cases)
		in_cases++;
	else if (!strncmp(path, "cases/", 6))
		in_cases = path;
	char group[256] = "";

	/* The id of a program named directly: its path from cases/ if it has one. */
	if (in_cases)
		id = in_cases + strlen("cases/");
	while (id[0] == '.' && id[1] == '/')
		id += 2;
	const char *slash = strrchr(id, '/');
	if (slash) {
		const char *prev = slash;
		while (prev > id && prev[-1] != '/')
			prev--;
		snprintf(group, sizeof(group), "%.*s", (int)(slash - prev), prev);
	}
	/* The id is as named; the program runs in a directory of its own. */
	char resolved[PATH_MAX];
	const char *run = realpath(path, resolved) ? resolved : path;
	char *why = describe(run, wrapper, limit, profile, spec, assertion, variants,
			     &timeout, sizeof(spec));

	/* One entry per variant, as the manifest has. */
	char list[1024];
	set(list, sizeof(list), variants);
	char *save = NULL, *v = strtok_r(list, " ", &save);
	do {
		struct case_entry *c = grow(m);
		struct buf full = { 0 };

		buf_puts(&full, id);
		if (v) {
			buf_puts(&full, ":");
			buf_puts(&full, v);
		}
		c->id = xstrdup(full.data);
		buf_free(&full);
		c->program = xstrdup(id);
		c->group = xstrdup(group);
		c->profile = xstrdup(profile);
		c->variant = xstrdup(v ? v : "");
		c->needs = xstrdup("");
		c->spec = xstrdup(spec);
		c->assertion = xstrdup(assertion);
		c->covers = xstrdup("");
		c->covers_part = xstrdup("");
		c->timeout = timeout;
		c->path = xstrdup(run);
		c->unresolved = why ? xstrdup(why) : NULL;
	} while (v && (v = strtok_r(NULL, " ", &save)) != NULL);
	free(why);
}

int case_matches(const struct case_entry *c, const char *sel)
{
	size_t plen = strlen(c->program);

	if (!strncmp(sel, "covers:", 7))
		return case_covers(c, sel + 7) != COVERS_NOT;
	if (!strcmp(c->id, sel) || !strcmp(c->group, sel))
		return 1;
	/* "munmap/", as a shell completes a directory: the group */
	size_t glen = strlen(c->group);
	if (!strncmp(sel, c->group, glen) && sel[glen] == '/' && sel[glen + 1] == '\0')
		return 1;
	if (!strcmp(c->program, sel))	/* every variant of the case */
		return 1;
	if (fnmatch(sel, c->id, 0) == 0)
		return 1;
	return strncmp(sel, c->program, plen) == 0 && sel[plen] == '\0';
}

void manifest_free(struct manifest *m)
{
	for (size_t i = 0; i < m->n; i++) {
		struct case_entry *c = &m->cases[i];
		free(c->id);
		free(c->program);
		free(c->group);
		free(c->profile);
		free(c->variant);
		free(c->needs);
		free(c->spec);
		free(c->assertion);
		free(c->covers);
		free(c->covers_part);
		free(c->path);
		free(c->unresolved);
	}
	free(m->cases);
	m->cases = NULL;
	m->n = 0;
}
