/*
 * sink-record.c - the JSON record of a run (--json, --resume).
 *
 * The record is one JSON document that is valid after every write: cases
 * go in one line each, and every write also rewrites the closing part (the
 * cases in flight, whether the run is complete), padded with blanks over
 * whatever the previous closing part left.  A run cut short at any moment
 * leaves a record that parses, names every finished case and the cases in
 * flight; --resume picks it up from there.
 */
#include "harness.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define RECORD_FORMAT "mmapcts-record"
#define RECORD_VERSION 1
#define CASE_LINE_START "  {\"id\": "

#ifndef MMAPCTS_GIT_COMMIT
#define MMAPCTS_GIT_COMMIT "unknown"
#endif

static void iso_time(char *out, size_t size, time_t t)
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void jstr(struct buf *b, const char *s)
{
	json_string(b, s ? s : "", s ? strlen(s) : 0);
}

static int write_at(struct record *rec, const struct buf *b, off_t off)
{
	size_t done = 0;

	while (done < b->len) {
		ssize_t n = pwrite(rec->fd, b->data + done, b->len - done, off + (off_t)done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		done += (size_t)n;
	}
	if (off + (off_t)b->len > rec->file_end)
		rec->file_end = off + (off_t)b->len;
	return 0;
}

/* The closing part of the document, padded with blanks over the old one;
 * returns the length of b without the padding. */
static size_t add_tail(struct buf *b, const struct record *rec, const char *end_fields,
		       off_t at)
{
	size_t text_len;

	buf_puts(b, "\n ],\n \"in_flight\": [");
	for (size_t i = 0; i < rec->nin_flight; i++) {
		buf_puts(b, i ? ", " : "");
		jstr(b, rec->in_flight[i]);
	}
	buf_printf(b, "],\n \"resumes\": %d,\n %s\n}\n", rec->resumes, end_fields);
	text_len = b->len;
	off_t end = at + (off_t)b->len;
	while (end < rec->file_end) {
		buf_add(b, " ", 1);
		end++;
	}
	return text_len;
}

static void write_tail(struct record *rec)
{
	struct buf b = { 0 };

	add_tail(&b, rec, "\"complete\": false", rec->tail_offset);
	if (write_at(rec, &b, rec->tail_offset) < 0)
		fprintf(stderr, "mmapcts: writing the record %s: %s\n", rec->path,
			strerror(errno));
	buf_free(&b);
}

static int record_fail(struct record *rec, struct buf *text)
{
	if (text)
		buf_free(text);
	if (rec->fd >= 0)
		close(rec->fd);
	free(rec->path);
	buf_free(&rec->done_ids);
	memset(rec, 0, sizeof(*rec));
	rec->fd = -1;
	return -1;
}

/* sep is "\n " in the record, " " on the stream's one line. */
void run_header_json(struct buf *b, const char *sep, const struct run_info *run)
{
	const struct options *o = run->o;
	char start[32];

	iso_time(start, sizeof(start), run->start);
	buf_printf(b, "\"format\": \"%s\", \"format_version\": %d,%s", RECORD_FORMAT,
		   RECORD_VERSION, sep);
	buf_puts(b, "\"suite\": {\"name\": \"mmapcts\", \"version\": ");
	jstr(b, PACKAGE_VERSION);
	buf_puts(b, ", \"commit\": ");
	jstr(b, MMAPCTS_GIT_COMMIT);
	buf_printf(b, "},%s\"system\": ", sep);
	sysinfo_json(b, run->sys);
	buf_printf(b, ",%s\"run\": {\"start\": ", sep);
	jstr(b, start);
	buf_puts(b, ", \"argv\": [");
	for (int i = 0; i < run->argc; i++) {
		buf_puts(b, i ? ", " : "");
		jstr(b, run->argv[i]);
	}
	buf_printf(b, "], \"jobs\": %d, \"timeout_multiplier\": %g, \"timeout\": %d, "
		   "\"profile\": ", o->jobs, o->timeout_multiplier, o->timeout);
	jstr(b, o->profile ? o->profile : "all");
	buf_puts(b, ", \"wrapper\": ");
	jstr(b, o->wrapper);
	buf_puts(b, ", \"fault\": ");
	jstr(b, o->fault);
	buf_printf(b, ", \"output_cap\": %zu, \"memory_limit\": %zu}", o->output_cap,
		   o->memory_limit);
}

void run_end_json(struct buf *b, const char *sep, double duration,
		  const size_t counts[OUT_COUNT], size_t known, int complete)
{
	char when[32];

	iso_time(when, sizeof(when), time(NULL));
	buf_puts(b, "\"end\": ");
	jstr(b, when);
	buf_printf(b, ", \"duration\": %.3f,%s\"summary\": {", duration, sep);
	for (int o = 0; o < OUT_COUNT; o++)
		buf_printf(b, "%s\"%s\": %zu", o ? ", " : "", outcome_name((enum outcome)o),
			   counts[o]);
	buf_printf(b, ", \"expected\": %zu},%s\"complete\": %s", known, sep,
		   complete ? "true" : "false");
}

int record_open(struct record *rec, const char *path, const struct run_info *run,
		char *err, size_t errlen)
{
	struct buf b = { 0 };

	memset(rec, 0, sizeof(*rec));
	rec->path = xstrdup(path);
	rec->fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (rec->fd < 0) {
		set_error(err, errlen, "cannot write the record %s: %s", path, strerror(errno));
		return record_fail(rec, NULL);
	}
	buf_puts(&b, "{");
	run_header_json(&b, "\n ", run);
	buf_puts(&b, ",\n \"cases\": [");
	rec->tail_offset = 0;
	if (write_at(rec, &b, 0) < 0) {
		set_error(err, errlen, "cannot write the record %s: %s", path, strerror(errno));
		return record_fail(rec, &b);
	}
	rec->tail_offset = (off_t)b.len;
	buf_free(&b);
	write_tail(rec);
	return 0;
}

/* The value of "key": "..." in a case line (ids and verdicts need no unescaping). */
static int line_field(const char *line, const char *end, const char *key, char *out,
		      size_t size)
{
	char pat[64];
	const char *p, *q;

	snprintf(pat, sizeof(pat), "\"%s\": \"", key);
	p = strstr(line, pat);
	if (!p || p > end)
		return -1;
	p += strlen(pat);
	q = strchr(p, '"');
	if (!q || q > end || (size_t)(q - p) >= size)
		return -1;
	memcpy(out, p, (size_t)(q - p));
	out[q - p] = '\0';
	return 0;
}

/* The whole record, if it is one this runner can continue. */
static int read_record(struct record *rec, struct buf *text, char *err, size_t errlen)
{
	char chunk[65536], head[128];
	ssize_t n;
	int version;

	while ((n = read(rec->fd, chunk, sizeof(chunk))) > 0)
		buf_add(text, chunk, (size_t)n);
	if (!text->data)
		buf_puts(text, "");
	snprintf(head, sizeof(head), "{\"format\": \"%s\", \"format_version\": ", RECORD_FORMAT);
	if (strncmp(text->data, head, strlen(head)) != 0)
		return set_error(err, errlen, "%s: not an mmapcts record", rec->path);
	version = atoi(text->data + strlen(head));
	if (version != RECORD_VERSION)
		return set_error(err, errlen, "%s: a record of format version %d; this runner "
				 "writes version %d", rec->path, version, RECORD_VERSION);
	return 0;
}

/* The complete case line at start ("  {"id": ...}" up to its newline or
 * comma) into done_ids and the resumed counts; its end, or NULL if cut. */
static const char *take_case_line(struct record *rec, const char *start)
{
	const char *eol = strchr(start, '\n'), *last;
	char id[512], verdict[32];

	if (!eol)
		return NULL;	/* cut in the middle of the line */
	last = eol - 1;
	if (*last == ',')
		last--;
	if (*last != '}' || line_field(start, eol, "id", id, sizeof(id)) < 0 ||
	    line_field(start, eol, "verdict", verdict, sizeof(verdict)) < 0)
		return NULL;
	for (int o = 0; o < OUT_COUNT; o++)
		if (!strcmp(verdict, outcome_name((enum outcome)o)))
			rec->resumed_counts[o]++;
	const char *known = strstr(start, "\"expected\": \"");
	rec->resumed_known += known && known < eol;
	buf_puts(&rec->done_ids, "\n");
	buf_puts(&rec->done_ids, id);
	rec->ncases++;
	return last + 1;
}

int record_resume(struct record *rec, const char *path, char *err, size_t errlen)
{
	struct buf text = { 0 };

	memset(rec, 0, sizeof(*rec));
	rec->path = xstrdup(path);
	rec->fd = open(path, O_RDWR | O_CLOEXEC);
	if (rec->fd < 0) {
		set_error(err, errlen, "%s: cannot open the record: %s", path, strerror(errno));
		return record_fail(rec, NULL);
	}
	if (read_record(rec, &text, err, errlen) < 0)
		return record_fail(rec, &text);
	char *cases = strstr(text.data, "\n \"cases\": [");
	if (!cases) {
		set_error(err, errlen, "%s: the record has no case list", path);
		return record_fail(rec, &text);
	}
	rec->tail_offset = (off_t)(cases - text.data) + (off_t)strlen("\n \"cases\": [");
	for (char *line = strstr(cases, "\n" CASE_LINE_START); line;
	     line = strstr(line + 1, "\n" CASE_LINE_START)) {
		const char *end = take_case_line(rec, line + 1);
		if (!end)
			break;
		rec->tail_offset = (off_t)(end - text.data);
	}
	buf_puts(&rec->done_ids, "\n");
	char *resumes = strstr(text.data + rec->tail_offset, "\"resumes\": ");
	rec->resumes = resumes ? atoi(resumes + strlen("\"resumes\": ")) + 1 : 1;
	rec->file_end = (off_t)text.len;
	buf_free(&text);
	write_tail(rec);
	return 0;
}

int record_has(const struct record *rec, const char *id)
{
	char pat[600];

	if (!rec->done_ids.data)
		return 0;
	snprintf(pat, sizeof(pat), "\n%s\n", id);
	return strstr(rec->done_ids.data, pat) != NULL;
}

void record_started(struct record *rec, const char *id)
{
	rec->in_flight = xrealloc(rec->in_flight, sizeof(char *) * (rec->nin_flight + 1));
	rec->in_flight[rec->nin_flight++] = xstrdup(id);
	write_tail(rec);
}

void result_json(struct buf *b, const struct result *r)
{
	const struct case_entry *c = r->c;

	buf_puts(b, "{\"id\": ");
	jstr(b, c->id);
	buf_puts(b, ", \"group\": ");
	jstr(b, c->group);
	buf_puts(b, ", \"profile\": ");
	jstr(b, c->profile);
	buf_puts(b, ", \"variant\": ");
	jstr(b, c->variant);
	buf_puts(b, ", \"verdict\": ");
	jstr(b, outcome_name(r->outcome));
	buf_printf(b, ", \"duration\": %.4f, \"exit_code\": ", r->duration);
	if (r->exit_code >= 0)
		buf_printf(b, "%d", r->exit_code);
	else
		buf_puts(b, "null");
	buf_puts(b, ", \"signal\": ");
	if (r->signal)
		jstr(b, runner_signal_name(r->signal));
	else
		buf_puts(b, "null");
	buf_puts(b, ", \"message\": ");
	if (r->message)
		jstr(b, r->message);
	else
		buf_puts(b, "null");
	buf_puts(b, ", \"observations\": {");
	for (size_t i = 0; i < r->nobs; i++) {
		const char *eq = strchr(r->observations[i], '=');
		buf_puts(b, i ? ", " : "");
		json_string(b, r->observations[i], (size_t)(eq - r->observations[i]));
		buf_puts(b, ": ");
		jstr(b, eq + 1);
	}
	buf_puts(b, "}, \"expected\": ");
	if (r->expected)
		jstr(b, r->expected);
	else
		buf_puts(b, "null");
	buf_puts(b, ", \"output\": ");
	json_string(b, r->output.kept.data ? r->output.kept.data : "", r->output.kept.len);
	buf_printf(b, ", \"output_bytes\": %zu, \"output_truncated\": %s, \"spec\": ",
		   r->output.total, capture_truncated(&r->output) ? "true" : "false");
	jstr(b, c->spec);
	buf_puts(b, ", \"assertion\": ");
	jstr(b, c->assertion);
	buf_puts(b, "}");
}

void record_result(struct record *rec, const struct result *r)
{
	struct buf b = { 0 };
	off_t at = rec->tail_offset;

	for (size_t i = 0; i < rec->nin_flight; i++) {
		if (!strcmp(rec->in_flight[i], r->c->id)) {
			free(rec->in_flight[i]);
			rec->in_flight[i] = rec->in_flight[--rec->nin_flight];
			break;
		}
	}
	buf_puts(&b, rec->ncases ? ",\n" CASE_LINE_START : "\n" CASE_LINE_START);
	/* result_json starts with {"id": — keep one copy of it. */
	struct buf one = { 0 };
	result_json(&one, r);
	buf_puts(&b, one.data + strlen("{\"id\": "));
	buf_free(&one);
	size_t case_len = b.len;
	add_tail(&b, rec, "\"complete\": false", at + (off_t)case_len);
	if (write_at(rec, &b, at) < 0)
		fprintf(stderr, "mmapcts: writing the record %s: %s\n", rec->path,
			strerror(errno));
	rec->tail_offset = at + (off_t)case_len;
	rec->ncases++;
	buf_free(&b);
}

void record_close(struct record *rec, double duration, const struct tally *t)
{
	struct buf end = { 0 }, b = { 0 };
	size_t counts[OUT_COUNT];

	for (int o = 0; o < OUT_COUNT; o++)
		counts[o] = rec->resumed_counts[o] + t->counts[o];
	run_end_json(&end, "\n ", duration, counts, rec->resumed_known + tally_known(t),
		     !rec->nin_flight);
	size_t text_len = add_tail(&b, rec, end.data, rec->tail_offset);
	/* Valid with the padding first; then drop the padding. */
	if (write_at(rec, &b, rec->tail_offset) < 0 ||
	    ftruncate(rec->fd, rec->tail_offset + (off_t)text_len) < 0)
		fprintf(stderr, "mmapcts: writing the record %s: %s\n", rec->path,
			strerror(errno));
	close(rec->fd);
	for (size_t i = 0; i < rec->nin_flight; i++)
		free(rec->in_flight[i]);
	free(rec->in_flight);
	free(rec->path);
	buf_free(&rec->done_ids);
	buf_free(&end);
	buf_free(&b);
	memset(rec, 0, sizeof(*rec));
	rec->fd = -1;
}


/* The record as a sink: a new one, or the one --resume names. */
static int record_wanted(const struct run_info *run)
{
	return run->record_path != NULL;
}

static void *record_sink_open(const struct run_info *run, char *err, size_t errlen)
{
	struct record *rec = xcalloc(1, sizeof(*rec));
	int ok = run->o->resume_path ? record_resume(rec, run->record_path, err, errlen)
				     : record_open(rec, run->record_path, run, err, errlen);

	if (ok < 0) {
		free(rec);
		return NULL;
	}
	return rec;
}

static void record_sink_start(void *self, const struct case_entry *c, const struct tally *t)
{
	(void)t;
	record_started(self, c->id);
}

static void record_sink_result(void *self, const struct result *r, const struct tally *t)
{
	(void)t;
	record_result(self, r);
}

static int record_sink_end(void *self, const struct run_end *e, const struct tally *t,
			   char *err, size_t errlen)
{
	(void)err;
	(void)errlen;
	record_close(self, e->duration, t);
	free(self);
	return 0;
}

static int record_sink_has(void *self, const char *id)
{
	return record_has(self, id);
}

const struct sink sink_record = {
	.name = "record",
	.wanted = record_wanted,
	.open = record_sink_open,
	.start = record_sink_start,
	.result = record_sink_result,
	.end = record_sink_end,
	.has = record_sink_has,
};
