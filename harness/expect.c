/*
 * expect.c - known deviations as data (reports/expectations.tsv): a case,
 * the verdict expected on systems matching a pattern, and the evidence.
 * A result that matches is reported as expected and does not fail the run.
 */
#include "harness.h"

#include <ctype.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

void system_key(char *out, size_t size, const struct sysinfo *s)
{
	snprintf(out, size, "%s %s %s %s-%s %s %s%s%s", s->os, s->kernel_release, s->machine,
		 s->libc_name, s->libc_version, s->tmpdir_fstype,
		 s->emulation[0] ? "qemu-user" : "native",
		 s->emulation[0] && s->emulation_version[0] ? "-" : "",
		 s->emulation[0] ? s->emulation_version : "");
}

/* Is s (n bytes) UTF-8 text without NUL, as Python's strict decoder reads
 * it (no overlongs, no surrogates, nothing past U+10FFFF)?  The Python
 * reader must refuse and accept the same lines. */
static int utf8_text(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned char c = s[i++], lo = 0x80, hi = 0xbf;
		size_t more;

		if (c == 0)
			return 0;
		if (c < 0x80)
			continue;
		if (c >= 0xc2 && c <= 0xdf)
			more = 1;
		else if (c >= 0xe0 && c <= 0xef)
			more = 2;
		else if (c >= 0xf0 && c <= 0xf4)
			more = 3;
		else
			return 0;
		/* The second byte alone rules out overlongs, surrogates and
		 * code points past U+10FFFF. */
		if (c == 0xe0)
			lo = 0xa0;
		else if (c == 0xed)
			hi = 0x9f;
		else if (c == 0xf0)
			lo = 0x90;
		else if (c == 0xf4)
			hi = 0x8f;
		if (n - i < more || s[i] < lo || s[i] > hi)
			return 0;
		for (size_t k = 1; k < more; k++)
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
		i += more;
	}
	return 1;
}

static int blank(const char *s)
{
	while (*s && isspace((unsigned char)*s))
		s++;
	return !*s;
}

/* Pattern syntax fnmatch(3) and Python's fnmatch read differently: an
 * escape, "[^" negation, character classes.  The first one in p, or NULL. */
static const char *ambiguous(const char *p)
{
	static const char *const pieces[] = { "\\", "[^", "[:", "[.", "[=" };

	for (; *p; p++)
		for (size_t i = 0; i < sizeof(pieces) / sizeof(pieces[0]); i++)
			if (!strncmp(p, pieces[i], strlen(pieces[i])))
				return pieces[i];
	return NULL;
}

/* What is wrong with the fields of one line, in err; -1, or 0 if nothing. */
static int check_fields(char **fields, char *err, size_t errlen)
{
	enum outcome o = OUT_COUNT;

	for (int k = 0; k < OUT_COUNT; k++)
		if (!strcmp(fields[1], outcome_name((enum outcome)k)))
			o = (enum outcome)k;
	if (o == OUT_COUNT)
		return set_error(err, errlen, "unknown verdict '%s'", fields[1]);
	if (o == OUT_PASS || o == OUT_UNSUPPORTED)
		return set_error(err, errlen, "%s needs no expectation", fields[1]);
	for (int k = 0; k < 3; k += 2) {
		const char *piece = ambiguous(fields[k]);
		if (piece)
			return set_error(err, errlen, "'%s' in the pattern '%s': the runner and "
					 "these tools would read it differently", piece, fields[k]);
	}
	return 0;
}

int expectations_load(struct expectations *e, const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	char *line = NULL, why[768];
	size_t cap = 0;
	ssize_t len;
	int lineno = 0;

	memset(e, 0, sizeof(*e));
	if (!f) {
		snprintf(err, errlen, "%s: cannot read the expectations: %s", path,
			 strerror(errno));
		return -1;
	}
	while ((len = getline(&line, &cap, f)) >= 0) {
		char *fields[4], *p = line;
		int nf = 0;

		lineno++;
		if (len && line[len - 1] == '\n')
			line[--len] = '\0';
		if (len && line[len - 1] == '\r')
			line[--len] = '\0';	/* a file saved with CRLF line ends */
		if (!utf8_text((const unsigned char *)line, (size_t)len)) {
			snprintf(why, sizeof(why), "not UTF-8 text");
			goto bad;
		}
		if (blank(line) || line[0] == '#')
			continue;
		for (; nf < 4 && p; nf++) {
			fields[nf] = p;
			p = strchr(p, '\t');
			if (p)
				*p++ = '\0';
		}
		if (nf != 4 || p || blank(fields[0]) || blank(fields[1]) || blank(fields[2]) ||
		    blank(fields[3])) {
			snprintf(why, sizeof(why), "expected 4 tab-separated fields "
				 "(id, verdict, system, evidence)");
			goto bad;
		}
		if (check_fields(fields, why, sizeof(why)) < 0)
			goto bad;
		e->items = xrealloc(e->items, sizeof(*e->items) * (e->n + 1));
		e->items[e->n].id = xstrdup(fields[0]);
		e->items[e->n].verdict = xstrdup(fields[1]);
		e->items[e->n].system = xstrdup(fields[2]);
		e->items[e->n].evidence = xstrdup(fields[3]);
		e->n++;
	}
	if (ferror(f)) {
		/* a directory, an I/O error: nothing read is no empty file */
		snprintf(err, errlen, "%s: cannot read the expectations: %s", path,
			 strerror(errno ? errno : EIO));
		free(line);
		fclose(f);
		expectations_free(e);
		return -1;
	}
	free(line);
	fclose(f);
	return 0;
bad:
	snprintf(err, errlen, "%s:%d: %s", path, lineno, why);
	free(line);
	fclose(f);
	expectations_free(e);
	return -1;
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
