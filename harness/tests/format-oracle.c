/*
 * format-oracle.c - the runner's own code for the system key and the
 * expectations format, on stdin and stdout, so that a test can put the
 * same questions to it and to reports/mmapcts_formats and require the same
 * answers (reports/tests/test_formats_agree.py).
 *
 *   format-oracle key < SYSTEMS
 *       a line per system: os, release, machine, libc, libc version, temp
 *       dir fstype, wrapper (tab-separated); answers a JSON line per system,
 *       {"key": <system_key()>, "system": <sysinfo_json()>}
 *   format-oracle match EXPECTATIONS < QUERIES
 *       "loaded N" or "error MESSAGE" (exit status 2) first, then a line per
 *       query "case id<TAB>verdict<TAB>system key": {"evidence": ... or null}
 *
 * Only what harness.h declares: the runner's parts, not copies of them.
 */
#include "../harness.h"

#include <stdlib.h>
#include <string.h>

/* The line without its newline, split at tabs into at most n fields; the
 * count of fields found. */
static int split(char *line, char **fields, int n)
{
	int nf = 0;

	line[strcspn(line, "\n")] = '\0';
	for (char *p = line; p && nf < n; nf++) {
		fields[nf] = p;
		p = strchr(p, '\t');
		if (p)
			*p++ = '\0';
	}
	return nf;
}

static void put_line(struct buf *b)
{
	buf_puts(b, "\n");
	fwrite(b->data, 1, b->len, stdout);
	b->len = 0;
}

static int keys(void)
{
	char *line = NULL;
	size_t cap = 0;
	struct buf b = { 0 };

	while (getline(&line, &cap, stdin) >= 0) {
		char *f[7];
		struct sysinfo s;
		char key[1024];

		if (split(line, f, 7) != 7) {
			fprintf(stderr, "format-oracle: key: want 7 tab-separated fields\n");
			free(line);
			return 2;
		}
		memset(&s, 0, sizeof(s));
		snprintf(s.os, sizeof(s.os), "%s", f[0]);
		snprintf(s.kernel_release, sizeof(s.kernel_release), "%s", f[1]);
		snprintf(s.machine, sizeof(s.machine), "%s", f[2]);
		snprintf(s.libc_name, sizeof(s.libc_name), "%s", f[3]);
		snprintf(s.libc_version, sizeof(s.libc_version), "%s", f[4]);
		snprintf(s.tmpdir_fstype, sizeof(s.tmpdir_fstype), "%s", f[5]);
		snprintf(s.emulation, sizeof(s.emulation), "%s", f[6]);
		system_key(key, sizeof(key), &s);
		buf_puts(&b, "{\"key\": ");
		json_string(&b, key, strlen(key));
		buf_puts(&b, ", \"system\": ");
		sysinfo_json(&b, &s);
		buf_puts(&b, "}");
		put_line(&b);
	}
	free(line);
	buf_free(&b);
	return 0;
}

/* The outcome named v, or OUT_COUNT for a name the runner never gives. */
static enum outcome outcome_named(const char *v)
{
	for (int o = 0; o < OUT_COUNT; o++)
		if (!strcmp(v, outcome_name((enum outcome)o)))
			return (enum outcome)o;
	return OUT_COUNT;
}

static int match(const char *path)
{
	struct expectations e;
	char err[1024];
	char *line = NULL;
	size_t cap = 0;
	struct buf b = { 0 };

	if (expectations_load(&e, path, err, sizeof(err)) < 0) {
		printf("error %s\n", err);
		return 2;
	}
	printf("loaded %zu\n", e.n);
	while (getline(&line, &cap, stdin) >= 0) {
		char *f[3];
		const char *evidence = NULL;

		if (split(line, f, 3) != 3) {
			fprintf(stderr, "format-oracle: match: want id, verdict, key\n");
			free(line);
			expectations_free(&e);
			return 2;
		}
		enum outcome o = outcome_named(f[1]);
		if (o != OUT_COUNT)
			evidence = expectation_for(&e, f[0], o, f[2]);
		buf_puts(&b, "{\"evidence\": ");
		if (evidence)
			json_string(&b, evidence, strlen(evidence));
		else
			buf_puts(&b, "null");
		buf_puts(&b, "}");
		put_line(&b);
	}
	free(line);
	buf_free(&b);
	expectations_free(&e);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "key"))
		return keys();
	if (argc == 3 && !strcmp(argv[1], "match"))
		return match(argv[2]);
	fprintf(stderr, "usage: format-oracle key | format-oracle match EXPECTATIONS\n");
	return 2;
}
