/*
 * sink.c - where the run's events go: the table of output formats, the
 * sinks a run has open, and the one tally of verdicts they all read.
 */
#include "harness.h"

#include <string.h>

extern const struct sink sink_stream, sink_record, sink_text, sink_ktap, sink_ltp, sink_junit;

/* The stream opens first so that it holds the begin event even when the
 * record cannot be opened; it and the record are the sinks that can fail
 * to open, before any output that a failed start would leave half-written. */
const struct sink *const sinks[] = {
	&sink_stream,
	&sink_record,
	&sink_text,
	&sink_ktap,
	&sink_ltp,
	&sink_junit,
	NULL,
};

const struct sink *sink_find(const char *name)
{
	for (size_t i = 0; sinks[i]; i++)
		if (!strcmp(sinks[i]->name, name))
			return sinks[i];
	return NULL;
}

void tally_started(struct tally *t)
{
	t->running++;
}

void tally_result(struct tally *t, const struct result *r)
{
	if (t->running)
		t->running--;
	t->done++;
	t->counts[r->outcome]++;
	t->known[r->outcome] += r->expected != NULL;
}

size_t tally_known(const struct tally *t)
{
	size_t n = 0;

	for (int o = 0; o < OUT_COUNT; o++)
		n += t->known[o];
	return n;
}

size_t tally_failures(const struct tally *t)
{
	size_t n = 0;

	for (int o = 0; o < OUT_COUNT; o++)
		if (outcome_is_failure((enum outcome)o))
			n += t->counts[o] - t->known[o];
	return n;
}

/* Why an outcome turns the run red, or NULL when it does not. */
static const char *const red_reasons[OUT_COUNT] = {
	[OUT_FAIL] = "a rule broke",
	[OUT_UNRESOLVED] = "setup broke",
	[OUT_TIMEOUT] = "no verdict in time",
	[OUT_CRASH] = "killed by a signal",
};

int outcome_turns_red(enum outcome o)
{
	return (unsigned)o < OUT_COUNT && red_reasons[o] != NULL;
}

size_t tally_red(const struct tally *t)
{
	size_t n = 0;

	for (int o = 0; o < OUT_COUNT; o++)
		if (outcome_turns_red((enum outcome)o))
			n += t->counts[o] - t->known[o];
	return n;
}

void tally_summary(struct buf *b, const struct tally *t)
{
	size_t before = b->len;

	for (int o = 0; o < OUT_COUNT; o++) {
		size_t unexpected = t->counts[o] - t->known[o];

		if (!t->counts[o])
			continue;
		buf_printf(b, "%s%zu %s", b->len > before ? ", " : "", t->counts[o],
			   outcome_name((enum outcome)o));
		/* Say why the run is red where it is. */
		if (outcome_turns_red((enum outcome)o) && unexpected == t->counts[o])
			buf_printf(b, " (%s)", red_reasons[o]);
		else if (outcome_turns_red((enum outcome)o) && unexpected)
			buf_printf(b, " (%zu unexpected: %s)", unexpected, red_reasons[o]);
	}
	if (tally_known(t))
		buf_printf(b, " (%zu of them known deviations)", tally_known(t));
	if (b->len == before)
		buf_puts(b, "none");
}

int outputs_open(struct outputs *out, const struct run_info *run, char *err, size_t errlen)
{
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; sinks[i]; i++) {
		if (sinks[i]->wanted && !sinks[i]->wanted(run))
			continue;
		void *self = sinks[i]->open(run, err, errlen);
		if (!self) {
			/* What opened before says the run never got going. */
			struct run_end never = { .duration = 0.0, .interrupted = 1 };
			char ignored[256];
			for (size_t k = 0; k < out->n; k++)
				if (out->open[k].sink->end)
					out->open[k].sink->end(out->open[k].self, &never, &out->tally,
							       ignored, sizeof(ignored));
			out->n = 0;
			return -1;
		}
		out->open[out->n].sink = sinks[i];
		out->open[out->n++].self = self;
	}
	return 0;
}

int outputs_have(const struct outputs *out, const char *id)
{
	for (size_t i = 0; i < out->n; i++)
		if (out->open[i].sink->has && out->open[i].sink->has(out->open[i].self, id))
			return 1;
	return 0;
}

void outputs_begin(struct outputs *out, size_t total)
{
	out->tally.total = total;
	for (size_t i = 0; i < out->n; i++)
		if (out->open[i].sink->begin)
			out->open[i].sink->begin(out->open[i].self, &out->tally);
}

void outputs_start(struct outputs *out, const struct case_entry *c)
{
	tally_started(&out->tally);
	for (size_t i = 0; i < out->n; i++)
		if (out->open[i].sink->start)
			out->open[i].sink->start(out->open[i].self, c, &out->tally);
}

void outputs_result(struct outputs *out, const struct result *r)
{
	tally_result(&out->tally, r);
	for (size_t i = 0; i < out->n; i++)
		if (out->open[i].sink->result)
			out->open[i].sink->result(out->open[i].self, r, &out->tally);
}

int outputs_end(struct outputs *out, const struct run_end *e)
{
	int status = 0;
	char err[1024];
	struct run_end now = *e;	/* the sinks after the record learn its fate */

	for (size_t i = 0; i < out->n; i++) {
		const struct open_sink *s = &out->open[i];
		if (s->sink->end && s->sink->end(s->self, &now, &out->tally, err, sizeof(err)) < 0) {
			fprintf(stderr, "mmapcts: %s\n", err);
			status = -1;
			now.record_lost |= s->sink == &sink_record;
		}
	}
	out->n = 0;
	return status;
}
