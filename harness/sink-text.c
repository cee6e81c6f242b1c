/*
 * sink-text.c - what the runner prints by default: a progress line on a
 * terminal, one line per case that did not pass, a summary.
 */
#include "harness.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct text_sink {
	FILE *out;
	int progress, verbose, progress_shown;
	int colour;		/* a terminal, and no NO_COLOR (no-color.org) */
	const char *record_shown;
	const char *expectations;
};

/* The verdict's colour on a terminal: red for what turns the run red, yellow
 * for a known deviation, dim for a verdict about no rule. */
static const char *colour_of(const struct result *r)
{
	if (r->expected)
		return "\033[33m";
	if (r->outcome == OUT_UNSUPPORTED || r->outcome == OUT_UNTESTED)
		return "\033[2m";
	return "\033[1;31m";
}

static int text_wanted(const struct run_info *run)
{
	return run->o->format == FORMAT_TEXT;
}

static void *text_open(const struct run_info *run, char *err, size_t errlen)
{
	struct text_sink *ts = xcalloc(1, sizeof(*ts));

	(void)err;
	(void)errlen;
	ts->out = run->console ? run->console : stdout;
	ts->verbose = run->o->verbose;
	ts->progress = run->o->progress < 0 ? isatty(STDOUT_FILENO) : run->o->progress;
	ts->record_shown = run->record_shown;
	ts->expectations = run->o->expectations;
	const char *no_colour = getenv("NO_COLOR");
	ts->colour = isatty(fileno(ts->out)) && !(no_colour && *no_colour);
	return ts;
}

static void clear_progress(struct text_sink *ts)
{
	if (ts->progress_shown) {
		fputs("\r\033[K", ts->out);
		ts->progress_shown = 0;
	}
}

static void show_progress(struct text_sink *ts, const struct tally *t)
{
	if (!ts->progress)
		return;
	fprintf(ts->out, "\r\033[K[%zu/%zu] %zu running, %zu not passed", t->done, t->total,
		t->running, t->done - t->counts[OUT_PASS]);
	fflush(ts->out);
	ts->progress_shown = 1;
}

static void text_start(void *self, const struct case_entry *c, const struct tally *t)
{
	(void)c;
	show_progress(self, t);
}

/* The case's output under its verdict line, each line marked. */
static void show_output(FILE *out, const struct capture *cap)
{
	struct buf text = { 0 };

	printable_text(&text, cap->kept.data, cap->kept.len, 1);
	fputs("  | ", out);
	for (size_t i = 0; i < text.len; i++) {
		char c = text.data[i];
		fputc(c, out);
		if (c == '\n' && i + 1 < text.len)
			fputs("  | ", out);
	}
	if (text.data[text.len - 1] != '\n')
		fputc('\n', out);
	buf_free(&text);
	if (capture_truncated(cap))
		fprintf(out, "  | [%zu more bytes not kept]\n", cap->total - cap->kept.len);
}

static void text_result(void *self, const struct result *r, const struct tally *t)
{
	struct text_sink *ts = self;

	clear_progress(ts);
	if (r->outcome != OUT_PASS) {
		struct buf msg = { 0 };

		printable_text(&msg, r->message ? r->message : "",
			       r->message ? strlen(r->message) : 0, 0);
		fprintf(ts->out, "%s%-11s%s %s  %s", ts->colour ? colour_of(r) : "",
			outcome_name(r->outcome), ts->colour ? "\033[0m" : "", r->c->id,
			msg.len ? msg.data : "");
		if (r->expected)
			fprintf(ts->out, "  [known deviation%s%s]", ts->expectations ? ", " : "",
				ts->expectations ? ts->expectations : "");
		fputc('\n', ts->out);
		buf_free(&msg);
		if (ts->verbose && r->output.kept.len)
			show_output(ts->out, &r->output);
	}
	show_progress(ts, t);
}

static int text_end(void *self, const struct run_end *e, const struct tally *t, char *err,
		    size_t errlen)
{
	struct text_sink *ts = self;
	struct buf b = { 0 };

	(void)err;
	(void)errlen;
	tally_summary(&b, t);
	clear_progress(ts);
	fprintf(ts->out, "mmapcts: %zu cases in %.2f s: %s\n", t->done, e->duration, b.data);
	if (ts->record_shown && !e->record_lost)
		fprintf(ts->out, "mmapcts: record written to %s\n", ts->record_shown);
	fflush(ts->out);
	buf_free(&b);
	free(ts);
	return 0;
}

const struct sink sink_text = {
	.name = "text",
	.wanted = text_wanted,
	.open = text_open,
	.start = text_start,
	.result = text_result,
	.end = text_end,
};
