/*
 * sink-ktap.c - KTAP on stdout (--format ktap), as kselftest writes it: a
 * plan, one test line per case with its message as a diagnostic, the
 * totals kselftest prints.
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

	/* kselftest's header: kunit.py, LAVA and prove take it as they take
	 * "KTAP version 1", and tappy, which knows no KTAP, takes only it. */
	fprintf(ks->out, "TAP version 13\n1..%zu\n", t->total);
	fflush(ks->out);
}

/* A directive's reason: one printable line, short enough for any parser. */
static void ktap_reason(struct buf *b, const char *text)
{
	size_t n = strcspn(text, "\n");

	printable_text(b, text, n > 240 ? 240 : n, 0);
}

/*
 * One case, as kselftest writes it (kselftest.h, kselftest/runner.sh), so
 * that kunit.py parse, LAVA's and KernelCI's kselftest parsers, prove and
 * tappy count it as its verdict means:
 *   PASS                          ok N id
 *   known deviation               ok N id # XFAIL VERDICT: the evidence
 *   UNSUPPORTED, UNTESTED         ok N id # SKIP the concrete reason
 *   FAIL, CRASH                   not ok N id          (the message before it)
 *   TIMEOUT                       not ok N id # TIMEOUT S seconds
 *   UNRESOLVED                    not ok N id # error the reason
 * The message comes first as a diagnostic wherever the line does not
 * carry it.  (TODO, which kunit.py ignores, is not used.)
 */
void ktap_result(struct buf *b, size_t number, const struct result *r)
{
	const char *msg = r->message ? r->message : "";
	int skip = r->outcome == OUT_UNSUPPORTED || r->outcome == OUT_UNTESTED;

	int in_directive = r->outcome == OUT_UNRESOLVED && !r->expected && !strchr(msg, '\n') &&
			   strlen(msg) <= 240;

	if (r->outcome != OUT_PASS && *msg && !skip && !in_directive) {
		buf_puts(b, "# ");
		ktap_name(b, r->c->id);
		buf_puts(b, ": ");
		printable_text(b, msg, strlen(msg), 0);
		buf_puts(b, "\n");
	}
	buf_printf(b, "%s %zu ", r->outcome == OUT_PASS || skip || r->expected ? "ok" : "not ok",
		   number);
	ktap_name(b, r->c->id);
	if (r->outcome == OUT_PASS) {
		/* nothing to add */
	} else if (r->expected) {
		buf_printf(b, " # XFAIL %s: ", outcome_name(r->outcome));
		ktap_reason(b, r->expected);
	} else if (skip) {
		buf_puts(b, " # SKIP ");
		ktap_reason(b, *msg ? msg : outcome_name(r->outcome));
	} else if (r->outcome == OUT_TIMEOUT) {
		buf_printf(b, " # TIMEOUT %.0f seconds", r->duration);
	} else if (r->outcome == OUT_UNRESOLVED) {
		buf_puts(b, " # error ");
		ktap_reason(b, *msg ? msg : "UNRESOLVED: setup broke");
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
