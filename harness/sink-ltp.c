/*
 * sink-ltp.c - LTP's output on stdout (--format ltp), for kirk and the
 * farms that run LTP: a line per case in LTP's words (TPASS, TFAIL,
 * TBROK, TCONF, TWARN) and the Summary block kirk counts, so that kirk
 * counts every case the run holds.  The exit status follows LTP's too
 * (ltp_exit_status()).
 */
#include "harness.h"

#include <string.h>

/* LTP's word for a verdict: a known deviation is a warning (the rule is
 * known broken here), UNRESOLVED broken (setup failed), UNSUPPORTED and
 * UNTESTED a configuration that cannot run the case. */
static const char *ltp_word(const struct result *r)
{
	if (r->expected)
		return "TWARN";
	switch (r->outcome) {
	case OUT_PASS:
		return "TPASS";
	case OUT_UNRESOLVED:
		return "TBROK";
	case OUT_UNSUPPORTED:
	case OUT_UNTESTED:
		return "TCONF";
	default:
		return "TFAIL";
	}
}

static int ltp_wanted(const struct run_info *run)
{
	return run->o->format == FORMAT_LTP;
}

static void *ltp_open(const struct run_info *run, char *err, size_t errlen)
{
	(void)err;
	(void)errlen;
	return run->console ? run->console : stdout;
}

static void ltp_case(void *self, const struct result *r, const struct tally *t)
{
	FILE *out = self;
	struct buf b = { 0 };
	const char *msg = r->message ? r->message : "";

	(void)t;
	buf_printf(&b, "%s: %s: %s", r->c->id, ltp_word(r), outcome_name(r->outcome));
	if (*msg) {
		buf_puts(&b, ": ");
		printable_text(&b, msg, strlen(msg), 0);
	}
	if (r->expected) {
		buf_puts(&b, " (known deviation: ");
		printable_text(&b, r->expected, strcspn(r->expected, "\n"), 0);
		buf_puts(&b, ")");
	}
	fprintf(out, "%s\n", b.data);
	buf_free(&b);
	fflush(out);
}

static int ltp_end(void *self, const struct run_end *e, const struct tally *t, char *err,
		   size_t errlen)
{
	FILE *out = self;
	const size_t *c = t->counts, *k = t->known;

	(void)e;
	(void)err;
	(void)errlen;
	fprintf(out, "\nSummary:\npassed   %zu\nfailed   %zu\nbroken   %zu\nskipped  %zu\n"
		"warnings %zu\n", c[OUT_PASS], tally_failures(t), c[OUT_UNRESOLVED] - k[OUT_UNRESOLVED],
		c[OUT_UNSUPPORTED] + c[OUT_UNTESTED] - k[OUT_UNSUPPORTED] - k[OUT_UNTESTED],
		tally_known(t));
	fflush(out);
	return 0;
}

int ltp_exit_status(const struct tally *t, int status)
{
	const size_t *c = t->counts, *k = t->known;

	if (status == 2)
		return 2;	/* the runner could not work: broken */
	if (tally_failures(t))
		return 1;
	if (c[OUT_UNRESOLVED] - k[OUT_UNRESOLVED])
		return 2;
	if (t->done && !c[OUT_PASS] && !tally_known(t))
		return 32;	/* nothing could run here */
	return 0;
}

const struct sink sink_ltp = {
	.name = "ltp",
	.wanted = ltp_wanted,
	.open = ltp_open,
	.result = ltp_case,
	.end = ltp_end,
};
