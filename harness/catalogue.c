/*
 * catalogue.c - the behaviour catalogue (cases/catalogue.tsv) as the
 * runner sees it: which cases declare a row (the selector covers:ROW), and
 * which rows no case checks wholly yet (--uncovered).  The build has
 * already refused a case citing a row the catalogue lacks, so here a row
 * is only looked up, never validated.
 */
#include "harness.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CATALOGUE_FIELDS 10	/* id section profile G K F N L X behaviour */

/* Is row one of the space-separated words of list? */
static int has_word(const char *list, const char *row)
{
	size_t n = strlen(row);

	if (!list || !n)
		return 0;
	for (const char *p = list; (p = strstr(p, row)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return 1;
	return 0;
}

enum coverage case_covers(const struct case_entry *c, const char *row)
{
	if (has_word(c->covers, row))
		return COVERS_WHOLLY;
	return has_word(c->covers_part, row) ? COVERS_PARTLY : COVERS_NOT;
}

int catalogue_uncovered(const char *text, const struct manifest *m, const char *profile,
			struct buf *out, char *err, size_t errlen)
{
	const char *line = text;
	int lineno = 0;

	while (*line) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		char *copy, *fields[CATALOGUE_FIELDS], *p;
		int nf = 0;

		lineno++;
		if (len == 0 || line[0] == '#')
			goto next;
		copy = xcalloc(1, len + 1);
		memcpy(copy, line, len);
		for (p = copy; p && nf < CATALOGUE_FIELDS; nf++) {
			fields[nf] = p;
			p = strchr(p, '\t');
			if (p)
				*p++ = '\0';
		}
		if (nf != CATALOGUE_FIELDS || p) {
			free(copy);
			return set_error(err, errlen, "catalogue line %d: not %d fields", lineno,
					 CATALOGUE_FIELDS);
		}
		if (profile && strcmp(fields[2], profile)) {
			free(copy);
			goto next;
		}
		/* The best any case does for the row: a row checked wholly by one
		 * case is covered, whatever the others do. */
		enum coverage best = COVERS_NOT;
		for (size_t i = 0; i < m->n && best != COVERS_WHOLLY; i++) {
			enum coverage c = case_covers(&m->cases[i], fields[0]);
			if (c > best)
				best = c;
		}
		if (best != COVERS_WHOLLY)
			buf_printf(out, "%s\t%s\t%s\t%s\n", fields[0],
				   best == COVERS_PARTLY ? "partly" : "none", fields[2],
				   fields[CATALOGUE_FIELDS - 1]);
		free(copy);
next:
		if (!end)
			break;
		line = end + 1;
	}
	return 0;
}

int catalogue_print_uncovered(const char *cases_dir, const struct manifest *m,
			      const char *profile, FILE *out, char *err, size_t errlen)
{
	char path[4096];
	struct buf text = { 0 }, rows = { 0 };
	int ret;

	snprintf(path, sizeof(path), "%s/catalogue.tsv", cases_dir);
	if (buf_read_file(&text, path) < 0) {
		ret = set_error(err, errlen, "cannot read the catalogue %s: %s", path,
				strerror(errno));
		buf_free(&text);
		return ret;
	}
	ret = catalogue_uncovered(text.data, m, profile, &rows, err, errlen);
	if (ret == 0 && rows.data)
		fputs(rows.data, out);
	buf_free(&text);
	buf_free(&rows);
	return ret;
}
