/*
 * output.c - what the runner prints: a progress line on a terminal, one
 * line per case that did not pass, a summary; or KTAP v1.
 */
#include "harness.h"

#include <string.h>

static void clear_progress(struct reporter *rp)
{
	if (rp->progress_shown) {
		fputs("\r\033[K", rp->out);
		rp->progress_shown = 0;
	}
}

static void show_progress(struct reporter *rp)
{
	if (!rp->progress || rp->format != FORMAT_TEXT)
		return;
	fprintf(rp->out, "\r\033[K[%zu/%zu] %zu running, %zu not passed", rp->done,
		rp->total, rp->running,
		rp->done - rp->counts[OUT_PASS]);
	fflush(rp->out);
	rp->progress_shown = 1;
}

void reporter_begin(struct reporter *rp, size_t total)
{
	rp->total = total;
	if (rp->format == FORMAT_KTAP) {
		fprintf(rp->out, "KTAP version 1\n1..%zu\n", total);
		fflush(rp->out);
	}
}

void reporter_started(struct reporter *rp, const struct case_entry *c)
{
	(void)c;
	rp->running++;
	show_progress(rp);
}

void ktap_result(struct buf *b, size_t number, const struct result *r)
{
	const char *msg = r->message ? r->message : "";

	/* Diagnostics first, as KTAP wants them: the message, one line. */
	if (r->outcome != OUT_PASS && *msg) {
		buf_puts(b, "# ");
		ktap_name(b, r->c->id);
		buf_puts(b, ": ");
		for (const char *p = msg; *p; p++)
			buf_add(b, *p == '\n' ? " " : p, 1);
		buf_puts(b, "\n");
	}
	switch (r->outcome) {
	case OUT_PASS:
		buf_printf(b, "ok %zu ", number);
		ktap_name(b, r->c->id);
		break;
	case OUT_UNSUPPORTED:
	case OUT_UNTESTED:
	case OUT_UNRESOLVED:
		/* No verdict about the rule: a skip, named for what it is. */
		buf_printf(b, "ok %zu ", number);
		ktap_name(b, r->c->id);
		buf_printf(b, " # SKIP %s", outcome_name(r->outcome));
		break;
	default:
		buf_printf(b, "not ok %zu ", number);
		ktap_name(b, r->c->id);
		if (r->expected)
			buf_puts(b, " # TODO known deviation");
		break;
	}
	buf_puts(b, "\n");
}

void reporter_result(struct reporter *rp, const struct result *r)
{
	rp->running--;
	rp->done++;
	rp->counts[r->outcome]++;
	rp->expected += r->expected != NULL;
	if (rp->format == FORMAT_KTAP) {
		struct buf b = { 0 };
		ktap_result(&b, rp->done, r);
		fputs(b.data, rp->out);
		buf_free(&b);
		fflush(rp->out);
		return;
	}
	clear_progress(rp);
	if (r->outcome != OUT_PASS) {
		fprintf(rp->out, "%-11s %s  %s%s\n", outcome_name(r->outcome), r->c->id,
			r->message ? r->message : "",
			r->expected ? "  [known deviation, reports/expectations.tsv]" : "");
		if (rp->verbose && r->output.kept.len) {
			fputs("  | ", rp->out);
			for (size_t i = 0; i < r->output.kept.len; i++) {
				char c = r->output.kept.data[i];
				fputc(c, rp->out);
				if (c == '\n' && i + 1 < r->output.kept.len)
					fputs("  | ", rp->out);
			}
			if (r->output.kept.data[r->output.kept.len - 1] != '\n')
				fputc('\n', rp->out);
			if (capture_truncated(&r->output))
				fprintf(rp->out, "  | [%zu more bytes not kept]\n",
					r->output.total - r->output.kept.len);
		}
	}
	show_progress(rp);
}

void reporter_end(struct reporter *rp, double duration, const char *record_path)
{
	struct buf b = { 0 };

	for (int o = 0; o < OUT_COUNT; o++)
		if (rp->counts[o])
			buf_printf(&b, "%s%zu %s", b.len ? ", " : "", rp->counts[o],
				   outcome_name((enum outcome)o));
	if (rp->expected)
		buf_printf(&b, " (%zu of them known deviations)", rp->expected);
	if (rp->format == FORMAT_KTAP) {
		fprintf(rp->out, "# mmapcts: %zu cases in %.2f s: %s\n", rp->done, duration,
			b.data ? b.data : "none");
		fprintf(rp->out, "# Totals: pass:%zu fail:%zu xfail:%zu xpass:0 skip:%zu error:0\n",
			rp->counts[OUT_PASS],
			rp->counts[OUT_FAIL] + rp->counts[OUT_TIMEOUT] + rp->counts[OUT_CRASH] -
				rp->expected,
			rp->expected,
			rp->counts[OUT_UNSUPPORTED] + rp->counts[OUT_UNTESTED] +
				rp->counts[OUT_UNRESOLVED]);
		if (record_path)
			fprintf(rp->out, "# record: %s\n", record_path);
	} else {
		clear_progress(rp);
		fprintf(rp->out, "mmapcts: %zu cases in %.2f s: %s\n", rp->done, duration,
			b.data ? b.data : "none");
		if (record_path)
			fprintf(rp->out, "mmapcts: record written to %s\n", record_path);
	}
	fflush(rp->out);
	buf_free(&b);
}
