/*
 * expect.c - known deviations as data (reports/expectations.tsv): a case,
 * the verdict expected on systems matching a pattern, and the evidence.
 * A result that matches is reported as expected and does not fail the run.
 */
#include "harness.h"

#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

void system_key(char *out, size_t size, const struct sysinfo *s)
{
	snprintf(out, size, "%s %s %s %s-%s %s %s", s->os, s->kernel_release, s->machine,
		 s->libc_name, s->libc_version, s->tmpdir_fstype,
		 s->emulation[0] ? "qemu-user" : "native");
}

int expectations_load(struct expectations *e, const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	char line[4096];
	int lineno = 0;

	memset(e, 0, sizeof(*e));
	if (!f) {
		snprintf(err, errlen, "%s: cannot read the expectations: %s", path,
			 strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), f)) {
		char *fields[4], *p = line;
		int nf = 0;

		lineno++;
		line[strcspn(line, "\n")] = '\0';
		if (!line[0] || line[0] == '#')
			continue;
		for (; nf < 4 && p; nf++) {
			fields[nf] = p;
			p = strchr(p, '\t');
			if (p)
				*p++ = '\0';
		}
		if (nf != 4 || p || !*fields[0] || !*fields[1] || !*fields[2] || !*fields[3]) {
			snprintf(err, errlen, "%s:%d: expected 4 tab-separated fields "
				 "(id, verdict, system, evidence)", path, lineno);
			fclose(f);
			expectations_free(e);
			return -1;
		}
		e->items = xrealloc(e->items, sizeof(*e->items) * (e->n + 1));
		e->items[e->n].id = xstrdup(fields[0]);
		e->items[e->n].verdict = xstrdup(fields[1]);
		e->items[e->n].system = xstrdup(fields[2]);
		e->items[e->n].evidence = xstrdup(fields[3]);
		e->n++;
	}
	fclose(f);
	return 0;
}

const char *expectation_for(const struct expectations *e, const char *id,
			    enum outcome o, const char *system)
{
	for (size_t i = 0; i < e->n; i++)
		if (!strcmp(e->items[i].verdict, outcome_name(o)) &&
		    fnmatch(e->items[i].id, id, 0) == 0 &&
		    fnmatch(e->items[i].system, system, 0) == 0)
			return e->items[i].evidence;
	return NULL;
}

void expectations_free(struct expectations *e)
{
	for (size_t i = 0; i < e->n; i++) {
		free(e->items[i].id);
		free(e->items[i].verdict);
		free(e->items[i].system);
		free(e->items[i].evidence);
	}
	free(e->items);
	memset(e, 0, sizeof(*e));
}
