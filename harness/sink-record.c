/*
 * sink-record.c - the JSON record of a run (--json, --resume).
 *
 * The record is one JSON document that is valid after every write: cases
 * go in one line each, and every write also rewrites the closing part (the
 * cases in flight, whether the run is complete), padded with blanks over
 * whatever the previous closing part left.  A run cut short at any moment
 * leaves a record that parses, names every finished case and the cases in
 * flight; --resume picks it up from there.
 *
 * A write that fails (a full disk) puts back the bytes it overwrote, so the
 * file keeps the last valid state; the record is then given up, said once on
 * stderr, and its end makes the run's status 2.  The record is locked while
 * a runner writes it: a second runner on the same file refuses to start.
 * --resume continues a record only on the same system with the same options
 * that decide verdicts (record_resume_run()).
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

static int pwrite_all(int fd, const char *data, size_t len, off_t off)
{
	size_t done = 0;

	while (done < len) {
		ssize_t n = pwrite(fd, data + done, len - done, off + (off_t)done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n == 0)
			errno = ENOSPC;
		if (n <= 0)
			return -1;
		done += (size_t)n;
	}
	return 0;
}

/*
 * Write b at off, where the closing part (rec->tail, at rec->tail_offset)
 * begins; tail_from is where the new closing part begins in b.  When the
 * write fails, the old closing part goes back over the bytes it overwrote
 * (they need no new room on the disk) and the file is cut to its old end:
 * the record stays what it was, and is given up.
 */
static int write_at(struct record *rec, const struct buf *b, off_t off, size_t tail_from)
{
	if (rec->write_errno)
		return -1;
	if (pwrite_all(rec->fd, b->data, b->len, off) < 0) {
		rec->write_errno = errno ? errno : EIO;
		if ((rec->tail.len && pwrite_all(rec->fd, rec->tail.data, rec->tail.len,
						 rec->tail_offset) < 0) ||
		    (!rec->not_a_file && ftruncate(rec->fd, rec->file_end) < 0))
			rec->restore_failed = 1;
		if (rec->file_end)	/* else record_open() says it */
			fprintf(stderr, "mmapcts: writing the record %s: %s; it keeps the %zu "
				"cases before, and takes no more\n", rec->path,
				strerror(rec->write_errno), rec->ncases);
		return -1;
	}
	if (off + (off_t)b->len > rec->file_end)
		rec->file_end = off + (off_t)b->len;
	rec->tail.len = 0;
	buf_add(&rec->tail, b->data + tail_from, b->len - tail_from);
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
	write_at(rec, &b, rec->tail_offset, 0);
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
	buf_free(&rec->tail);
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
	buf_puts(b, ", \"expectations\": ");
	jstr(b, o->expectations);
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

/* Hold the record's lock (released when its descriptor closes): -1 with err
 * naming the runner that holds it. */
static int lock_record(struct record *rec, char *err, size_t errlen)
{
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };

	if (fcntl(rec->fd, F_SETLK, &fl) == 0)
		return 0;
	if (errno == ENOLCK || errno == EINVAL || errno == EOPNOTSUPP)
		return 0;	/* a file system without locks: as before */
	if (errno != EACCES && errno != EAGAIN)
		return set_error(err, errlen, "%s: cannot lock the record: %s", rec->path,
				 strerror(errno));
	fl.l_type = F_WRLCK;
	if (fcntl(rec->fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK)
		return set_error(err, errlen, "%s: another runner (pid %ld) is writing this "
				 "record; name another one with --json FILE", rec->path,
				 (long)fl.l_pid);
	return set_error(err, errlen, "%s: another runner is writing this record; name "
			 "another one with --json FILE", rec->path);
}

int record_open(struct record *rec, const char *path, const struct run_info *run,
		char *err, size_t errlen)
{
	struct buf b = { 0 };

	memset(rec, 0, sizeof(*rec));
	rec->path = xstrdup(path);
	/* Locked before it is emptied: a record another runner writes stays whole. */
	rec->fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (rec->fd < 0) {
		set_error(err, errlen, "cannot write the record %s: %s", path, strerror(errno));
		return record_fail(rec, NULL);
	}
	struct stat st;
	if (fstat(rec->fd, &st) == 0 && !S_ISREG(st.st_mode))
		rec->not_a_file = 1;	/* /dev/null: nothing to cut, nothing to lock */
	if (!rec->not_a_file && lock_record(rec, err, errlen) < 0)
		return record_fail(rec, NULL);
	if (!rec->not_a_file && ftruncate(rec->fd, 0) < 0) {
		set_error(err, errlen, "cannot write the record %s: %s", path, strerror(errno));
		return record_fail(rec, NULL);
	}
	buf_puts(&b, "{");
	run_header_json(&b, "\n ", run);
	buf_puts(&b, ",\n \"cases\": [");
	rec->tail_offset = (off_t)b.len;
	size_t head_len = b.len;
	add_tail(&b, rec, "\"complete\": false", rec->tail_offset);
	if (write_at(rec, &b, 0, head_len) < 0) {
		/* Half a record is none: take it away. */
		set_error(err, errlen, "cannot write the record %s: %s", path,
			  strerror(rec->write_errno));
		unlink(path);
		return record_fail(rec, &b);
	}
	buf_free(&b);
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

/* ------------------------------------------------------------------------
 * Does the record belong to this run?  Its system and the options that
 * decide verdicts must be this run's: a resumed record mixes two runs.
 * ------------------------------------------------------------------------ */

/* The end of the JSON value at p (a string, an object, an array or a
 * scalar), or NULL if it is cut. */
static const char *skip_value(const char *p)
{
	int depth = 0;

	for (;;) {
		switch (*p) {
		case '\0':
			return NULL;
		case '"':
			for (p++; *p != '"'; p++) {
				if (!*p)
					return NULL;
				if (*p == '\\' && p[1])
					p++;
			}
			p++;
			if (!depth)
				return p;
			break;
		case '{':
		case '[':
			depth++;
			p++;
			break;
		case '}':
		case ']':
			if (!depth)
				return p;
			p++;
			if (!--depth)
				return p;
			break;
		case ',':
		case '\n':
			if (!depth)
				return p;
			p++;
			break;
		default:
			p++;
			break;
		}
	}
}

/* The value of member key of the object at obj (its first level), or NULL;
 * *len is the length of its text. */
static const char *member(const char *obj, const char *key, size_t *len)
{
	size_t klen = strlen(key);
	const char *p = obj + 1;

	while (*p) {
		while (*p == ' ' || *p == ',' || *p == '\n')
			p++;
		if (*p != '"')
			return NULL;
		const char *name = p + 1, *name_end = skip_value(p);
		if (!name_end || strncmp(name_end, ": ", 2))
			return NULL;
		const char *value = name_end + 2, *value_end = skip_value(value);
		if (!value_end)
			return NULL;
		if ((size_t)(name_end - 1 - name) == klen && !strncmp(name, key, klen)) {
			*len = (size_t)(value_end - value);
			return value;
		}
		p = value_end;
		if (*p == '}')
			return NULL;
	}
	return NULL;
}

/* The same for a path "outer.inner" into nested objects. */
static const char *field(const char *obj, const char *path, size_t *len)
{
	const char *dot = strchr(path, '.');
	char outer[64];

	if (!dot)
		return member(obj, path, len);
	snprintf(outer, sizeof(outer), "%.*s", (int)(dot - path), path);
	obj = member(obj, outer, len);
	return obj && *obj == '{' ? member(obj, dot + 1, len) : NULL;
}

/* Append the JSON string at p, unescaped, to out; the end, or NULL. */
static const char *unquote(const char *p, struct buf *out)
{
	if (*p++ != '"')
		return NULL;
	for (; *p && *p != '"'; p++) {
		char c = *p;
		if (c == '\\') {
			switch (*++p) {
			case 'n': c = '\n'; break;
			case 'r': c = '\r'; break;
			case 't': c = '\t'; break;
			case 'u': {
				unsigned cp;
				if (sscanf(p + 1, "%4x", &cp) != 1)
					return NULL;
				p += 4;
				if (cp < 0x80) {
					c = (char)cp;
					break;
				}
				char u[3] = { (char)(0xc0 | (cp >> 6)), (char)(0x80 | (cp & 0x3f)) };
				if (cp >= 0x800) {
					u[0] = (char)(0xe0 | (cp >> 12));
					u[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
					u[2] = (char)(0x80 | (cp & 0x3f));
				}
				buf_add(out, u, cp >= 0x800 ? 3 : 2);
				continue;
			}
			case '\0': return NULL;
			default: c = *p; break;	/* \" \\ \/ */
			}
		}
		buf_add(out, &c, 1);
	}
	return *p ? p + 1 : NULL;
}

/* The record's command line (its run.argv), parsed as this runner would:
 * 0, or -1 with err set. */
static int recorded_options(const char *head, struct options *ro, struct buf *words,
			    char *err, size_t errlen)
{
	const char *run = strstr(head, "\n \"run\": {"), *p;
	size_t len, argc = 0;
	char why[512];

	p = run ? member(run + strlen("\n \"run\": "), "argv", &len) : NULL;
	if (!p || *p != '[')
		return set_error(err, errlen, "no command line (run.argv)");
	for (p++; *p == '"' || *p == ',' || *p == ' ';) {
		if (*p != '"') {
			p++;
			continue;
		}
		p = unquote(p, words);
		if (!p)
			return set_error(err, errlen, "its command line (run.argv) is cut");
		buf_add(words, "", 1);
		argc++;
	}
	char **argv = xcalloc(argc + 1, sizeof(char *));
	for (size_t i = 0, at = 0; i < argc; i++) {
		argv[i] = words->data + at;
		at += strlen(argv[i]) + 1;
	}
	enum parse_result parsed = parse_options((int)argc, argv, ro, stderr, why, sizeof(why));
	free(argv);
	if (parsed != PARSE_OK)
		return set_error(err, errlen, "its command line does not parse here: %s",
				 parsed == PARSE_ERROR ? why : "--help or --version");
	return 0;
}

static int same_str(const char *a, const char *b)
{
	return !strcmp(a ? a : "", b ? b : "");
}

static int same_list(const char **a, int na, const char **b, int nb)
{
	if (na != nb)
		return 0;
	for (int i = 0; i < na; i++)
		if (strcmp(a[i], b[i]))
			return 0;
	return 1;
}

static void join(struct buf *b, const char **list, int n)
{
	for (int i = 0; i < n; i++)
		buf_printf(b, "%s%s", i ? " " : "", list[i]);
	if (!n)
		buf_puts(b, "none");
}

/* What an option was and is, for the error; "none" when unset. */
static void both(struct buf *a, const char *was, struct buf *b, const char *now,
		 const char *unset)
{
	buf_puts(a, was ? was : unset);
	buf_puts(b, now ? now : unset);
}

/* The selection as words: selectors, then programs named by path. */
static void selection_words(struct buf *b, const struct options *o)
{
	if (o->nselectors)
		join(b, o->selectors, o->nselectors);
	if (o->npaths) {
		buf_puts(b, o->nselectors ? " " : "");
		join(b, o->paths, o->npaths);
	}
	if (!o->nselectors && !o->npaths)
		buf_puts(b, "every case");
}

/* The first option that decides verdicts and differs, said in err: -1. */
static int options_differ(const struct options *was, const struct options *now, char *err,
			  size_t errlen)
{
	struct buf a = { 0 }, b = { 0 };
	const char *what = NULL;

	if (!same_str(was->fault, now->fault)) {
		what = "--fault";
		both(&a, was->fault, &b, now->fault, "none");
	} else if (!same_str(was->wrapper, now->wrapper)) {
		what = "--wrapper";
		both(&a, was->wrapper, &b, now->wrapper, "none");
	} else if (!same_str(was->profile, now->profile)) {
		what = "--profile";
		both(&a, was->profile, &b, now->profile, "all");
	} else if (!same_list(was->groups, was->ngroups, now->groups, now->ngroups)) {
		what = "--group";
		join(&a, was->groups, was->ngroups);
		join(&b, now->groups, now->ngroups);
	} else if (!same_list(was->selectors, was->nselectors, now->selectors, now->nselectors) ||
		   !same_list(was->paths, was->npaths, now->paths, now->npaths)) {
		what = "the selection";
		selection_words(&a, was);
		selection_words(&b, now);
	} else if (was->timeout != now->timeout) {
		what = "--timeout";
		buf_printf(&a, "%d", was->timeout);
		buf_printf(&b, "%d", now->timeout);
	} else if (was->timeout_multiplier != now->timeout_multiplier) {
		what = "--timeout-multiplier";
		buf_printf(&a, "%g", was->timeout_multiplier);
		buf_printf(&b, "%g", now->timeout_multiplier);
	} else if (was->repeat != now->repeat) {
		what = "--repeat";
		buf_printf(&a, "%d", was->repeat);
		buf_printf(&b, "%d", now->repeat);
	}
	if (what)
		set_error(err, errlen, "%s: the record has %.200s, this run %.200s", what, a.data,
			  b.data);
	buf_free(&a);
	buf_free(&b);
	return what ? -1 : 0;
}

/* The first system field that differs, said in err: -1. */
static int system_differs(const char *head, const struct sysinfo *sys, char *err,
			  size_t errlen)
{
	/* All but cpus and where the temporary directory is (its type counts). */
	static const char *const fields[] = {
		"os", "kernel_release", "kernel_version", "machine", "libc", "page_size",
		"tmpdir.fstype", "overcommit", "rlimits", "emulation",
	};
	const char *was = strstr(head, "\n \"system\": {");
	struct buf now = { 0 };
	int status = 0;

	if (!was)
		return set_error(err, errlen, "no system");
	was += strlen("\n \"system\": ");
	sysinfo_json(&now, sys);
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]) && !status; i++) {
		size_t la = 0, lb = 0;
		const char *a = field(was, fields[i], &la), *b = field(now.data, fields[i], &lb);
		if (!a || !b || la != lb || memcmp(a, b, la))
			status = set_error(err, errlen, "system.%s: the record has %.*s, this "
					   "system %.*s", fields[i], a ? (int)(la < 200 ? la : 200) : 4,
					   a ? a : "none", (int)(lb < 200 ? lb : 200), b ? b : "");
	}
	buf_free(&now);
	return status;
}

/* Does the record at text (its head) belong to this run?  -1 with err set. */
static int record_matches(const struct record *rec, const char *head,
			  const struct run_info *run, char *err, size_t errlen)
{
	struct options was;
	struct buf words = { 0 };
	char why[768];
	int status;

	status = system_differs(head, run->sys, why, sizeof(why));
	if (!status) {
		status = recorded_options(head, &was, &words, why, sizeof(why));
		if (!status) {
			status = options_differ(&was, run->o, why, sizeof(why));
			free_options(&was);
		}
	}
	buf_free(&words);
	if (status < 0)
		set_error(err, errlen, "%s: cannot resume a record of another run: %s", rec->path,
			  why);
	return status;
}

int record_resume_run(struct record *rec, const char *path, const struct run_info *run,
		      char *err, size_t errlen)
{
	struct buf text = { 0 };

	memset(rec, 0, sizeof(*rec));
	rec->path = xstrdup(path);
	rec->fd = open(path, O_RDWR | O_CLOEXEC);
	if (rec->fd < 0) {
		set_error(err, errlen, "%s: cannot open the record: %s", path, strerror(errno));
		return record_fail(rec, NULL);
	}
	if (lock_record(rec, err, errlen) < 0)
		return record_fail(rec, NULL);
	if (read_record(rec, &text, err, errlen) < 0)
		return record_fail(rec, &text);
	char *cases = strstr(text.data, "\n \"cases\": [");
	if (!cases) {
		set_error(err, errlen, "%s: the record has no case list", path);
		return record_fail(rec, &text);
	}
	*cases = '\0';		/* the head, for record_matches() */
	if (run && record_matches(rec, text.data, run, err, errlen) < 0)
		return record_fail(rec, &text);
	*cases = '\n';
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
	/* What a failed write puts back: the file from the new tail on. */
	buf_add(&rec->tail, text.data + rec->tail_offset, text.len - (size_t)rec->tail_offset);
	buf_free(&text);
	write_tail(rec);
	return 0;
}

int record_resume(struct record *rec, const char *path, char *err, size_t errlen)
{
	return record_resume_run(rec, path, NULL, err, errlen);
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
	buf_printf(b, ", \"output_bytes\": %zu, \"output_truncated\": %s, "
		   "\"result_bytes\": %zu, \"observations_truncated\": %s, \"spec\": ",
		   r->output.total, capture_truncated(&r->output) ? "true" : "false",
		   r->result_bytes, r->observations_truncated ? "true" : "false");
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
	if (write_at(rec, &b, at, case_len) == 0) {
		rec->tail_offset = at + (off_t)case_len;
		rec->ncases++;
	}
	buf_free(&b);
}

int record_close(struct record *rec, double duration, int interrupted,
		 const struct tally *t, char *err, size_t errlen)
{
	struct buf end = { 0 }, b = { 0 };
	size_t counts[OUT_COUNT];
	int status = 0;

	for (int o = 0; o < OUT_COUNT; o++)
		counts[o] = rec->resumed_counts[o] + t->counts[o];
	/* Complete: every case ran, none is running; an interrupted run between
	 * two cases has none in flight, yet cases that never started. */
	run_end_json(&end, "\n ", duration, counts, rec->resumed_known + tally_known(t),
		     !interrupted && !rec->nin_flight);
	size_t text_len = add_tail(&b, rec, end.data, rec->tail_offset);
	/* Valid with the padding first; then drop the padding. */
	if (write_at(rec, &b, rec->tail_offset, 0) == 0 && !rec->not_a_file &&
	    ftruncate(rec->fd, rec->tail_offset + (off_t)text_len) < 0)
		rec->write_errno = errno;
	if (rec->write_errno) {
		set_error(err, errlen, "record NOT complete: %s: %s (%s%zu cases kept)", rec->path,
			  strerror(rec->write_errno),
			  rec->restore_failed ? "and may not parse; " : "it parses; ", rec->ncases);
		status = -1;
	}
	close(rec->fd);
	for (size_t i = 0; i < rec->nin_flight; i++)
		free(rec->in_flight[i]);
	free(rec->in_flight);
	free(rec->path);
	buf_free(&rec->done_ids);
	buf_free(&rec->tail);
	buf_free(&end);
	buf_free(&b);
	memset(rec, 0, sizeof(*rec));
	rec->fd = -1;
	return status;
}

/* The record as a sink: a new one, or the one --resume names. */
static int record_wanted(const struct run_info *run)
{
	return run->record_path != NULL;
}

static void *record_sink_open(const struct run_info *run, char *err, size_t errlen)
{
	const struct options *o = run->o;

	/* The default name, which options.c cannot see, named again. */
	if (same_file(run->record_path, o->junit_path) ||
	    same_file(run->record_path, o->stream_path) ||
	    same_file(run->record_path, o->expectations)) {
		set_error(err, errlen, "the record and another file are both %s; name another "
			  "with --json FILE", run->record_path);
		return NULL;
	}
	struct record *rec = xcalloc(1, sizeof(*rec));
	int ok = run->o->resume_path ? record_resume_run(rec, run->record_path, run, err, errlen)
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
	int status = record_close(self, e->duration, e->interrupted, t, err, errlen);

	free(self);
	return status;
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
