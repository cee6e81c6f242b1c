/*
 * sink-ktap.c - KTAP v1 on stdout (--format ktap): a plan, one test line
 * per case with its message as a diagnostic, the totals kselftest prints.
 */
#include "harness.h"

#include <string.h>

#include <stdlib.h>

struct ktap_sink {
	FILE *out;
	const char *record_shown;
};

static int ktap_wanted(const struct run_info *run)
{
	return run->o->format == FORMAT_KTAP;
}

static void *ktap_open(const struct run_info *run, char *err, size_t errlen)
{
	struct ktap_sink *ks = xcalloc(1, sizeof(*ks));

	(void)err;
	(void)errlen;
	ks->out = run->console ? run->console : stdout;
	ks->record_shown = run->record_shown;
	return ks;
}

static void ktap_begin(void *self, const struct tally *t)
{
	struct ktap_sink *ks = self;

	fprintf(ks->out, "KTAP version 1\n1..%zu\n", t->total);
	fflush(ks->out);
}

void ktap_result(struct buf *b, size_t number, const struct result *r)
{
	const char *msg = r->message ? r->message : "";

	/* Diagnostics first, as KTAP wants them: the message, one line. */
	if (r->outcome != OUT_PASS && *msg) {
		buf_puts(b, "# ");
		ktap_name(b, r->c->id);
		buf_puts(b, ": ");
		printable_text(b, msg, strlen(msg), 0);
		buf_puts(b, "\n");
	}
	switch (r->outcome) {
	case OUT_PASS:
		buf_printf(b, "ok %zu ", number);
		ktap_name(b, r->c->id);
		break;
	case OUT_UNSUPPORTED:
	case OUT_UNTESTED:
		/* No verdict about the rule: a skip, named for what it is.
		 * UNRESOLVED is no skip: setup broke, and the run is red. */
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

static void ktap_case(void *self, const struct result *r, const struct tally *t)
{
	struct ktap_sink *ks = self;
	struct buf b = { 0 };

	ktap_result(&b, t->done, r);
	fputs(b.data, ks->out);
	buf_free(&b);
	fflush(ks->out);
}

static int ktap_end(void *self, const struct run_end *e, const struct tally *t, char *err,
		    size_t errlen)
{
	struct ktap_sink *ks = self;
	struct buf b = { 0 };
	const size_t *n = t->counts;

	(void)err;
	(void)errlen;
	tally_summary(&b, t);
	fprintf(ks->out, "# mmapcts: %zu cases in %.2f s: %s\n", t->done, e->duration, b.data);
	fprintf(ks->out, "# Totals: pass:%zu fail:%zu xfail:%zu xpass:0 skip:%zu error:%zu\n",
		n[OUT_PASS], tally_failures(t), tally_known(t),
		n[OUT_UNSUPPORTED] + n[OUT_UNTESTED] - t->known[OUT_UNSUPPORTED] -
		t->known[OUT_UNTESTED], n[OUT_UNRESOLVED] - t->known[OUT_UNRESOLVED]);
	if (ks->record_shown)
		fprintf(ks->out, "# record: %s\n", ks->record_shown);
	fflush(ks->out);
	buf_free(&b);
	free(ks);
	return 0;
}

const struct sink sink_ktap = {
	.name = "ktap",
	.wanted = ktap_wanted,
	.open = ktap_open,
	.begin = ktap_begin,
	.result = ktap_case,
	.end = ktap_end,
};
