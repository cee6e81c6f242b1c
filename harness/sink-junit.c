/*
 * sink-junit.c - JUnit XML (--junit FILE), written whole once the run is
 * over: CI systems read it after the run, never during it.
 */
#include "harness.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* The system, as a JUnit package name: the system key with every run of
 * characters other than letters and digits made one '_'. */
static void system_package(char *out, size_t size, const struct sysinfo *s)
{
	char key[512];
	size_t o = 0;

	system_key(key, sizeof(key), s);
	for (const char *k = key; *k && o + 1 < size; k++) {
		int plain = isalnum((unsigned char)*k);
		if (plain)
			out[o++] = *k;
		else if (o && out[o - 1] != '_')
			out[o++] = '_';
	}
	while (o && out[o - 1] == '_')
		o--;
	out[o] = '\0';
}

/* JUnit's categories: a known deviation is skipped, whatever its verdict;
 * UNRESOLVED (setup broke) is an error, FAIL, TIMEOUT and CRASH failures. */
static void suite_head(struct buf *b, size_t n, const struct tally *t, const struct junit_run *run)
{
	const size_t *c = t->counts, *k = t->known;
	size_t errors = c[OUT_UNRESOLVED] - k[OUT_UNRESOLVED];
	size_t skipped = c[OUT_UNSUPPORTED] + c[OUT_UNTESTED] + tally_known(t) -
			 k[OUT_UNSUPPORTED] - k[OUT_UNTESTED];
	char key[512], stamp[32];
	struct tm tm;

	system_key(key, sizeof(key), run->sys);
	if (!gmtime_r(&run->start, &tm) || !strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%S", &tm))
		snprintf(stamp, sizeof(stamp), "1970-01-01T00:00:00");
	buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
	buf_puts(b, "  <testsuite name=\"mmapcts ");
	xml_escape(b, key, strlen(key));
	buf_printf(b, "\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\" skipped=\"%zu\" "
		   "time=\"%.3f\" timestamp=\"%s\" hostname=\"", n, tally_failures(t), errors,
		   skipped, run->duration, stamp);
	xml_escape(b, run->hostname, strlen(run->hostname));
	buf_puts(b, "\">\n");
}

static void properties(struct buf *b, const struct sysinfo *s)
{
	buf_puts(b, "    <properties>\n");
	const char *props[][2] = {
		{ "os", s->os }, { "kernel_release", s->kernel_release },
		{ "machine", s->machine }, { "libc", s->libc_name },
		{ "libc_version", s->libc_version }, { "tmpdir_fstype", s->tmpdir_fstype },
		{ "emulation", s->emulation },
	};
	for (size_t i = 0; i < sizeof(props) / sizeof(props[0]); i++) {
		buf_printf(b, "      <property name=\"%s\" value=\"", props[i][0]);
		xml_escape(b, props[i][1], strlen(props[i][1]));
		buf_puts(b, "\"/>\n");
	}
	buf_printf(b, "      <property name=\"page_size\" value=\"%ld\"/>\n", s->page_size);
	buf_puts(b, "      <property name=\"timestamp_zone\" value=\"UTC\"/>\n");
	buf_puts(b, "    </properties>\n");
}

static void testcase(struct buf *b, const struct result *r, const char *package)
{
	const char *msg = r->message ? r->message : "";
	const char *tag = r->expected ? "skipped"
			  : outcome_is_failure(r->outcome) ? "failure"
			  : r->outcome == OUT_UNRESOLVED ? "error"
			  : r->outcome == OUT_PASS ? NULL : "skipped";

	buf_printf(b, "    <testcase classname=\"%s.", package);
	xml_escape(b, r->c->group, strlen(r->c->group));
	buf_puts(b, "\" name=\"");
	xml_escape(b, r->c->id, strlen(r->c->id));
	buf_printf(b, "\" time=\"%.4f\">\n", r->duration);
	if (tag) {
		buf_printf(b, "      <%s type=\"%s\" message=\"", tag, outcome_name(r->outcome));
		if (r->expected) {
			buf_puts(b, "known deviation: ");
			xml_escape(b, r->expected, strlen(r->expected));
			buf_puts(b, " | ");
		}
		xml_escape(b, msg, strlen(msg));
		buf_puts(b, "\"/>\n");
	}
	if (r->output.kept.len) {
		buf_puts(b, "      <system-out>");
		xml_escape(b, r->output.kept.data, r->output.kept.len);
		buf_puts(b, "</system-out>\n");
	}
	buf_puts(b, "    </testcase>\n");
}

void junit_write(FILE *f, struct result **results, size_t n, const struct junit_run *run,
		 const struct tally *t)
{
	struct buf b = { 0 };
	char package[512];

	system_package(package, sizeof(package), run->sys);
	suite_head(&b, n, t, run);
	properties(&b, run->sys);
	for (size_t i = 0; i < n; i++)
		testcase(&b, results[i], package);
	buf_puts(&b, "  </testsuite>\n</testsuites>\n");
	fwrite(b.data, 1, b.len, f);
	buf_free(&b);
}

struct junit_sink {
	const char *path;
	const struct sysinfo *sys;
	time_t start;
	struct result **results;	/* the runner's, alive until the end */
	size_t n;
};

static int junit_wanted(const struct run_info *run)
{
	return run->o->junit_path != NULL;
}

static void *junit_open(const struct run_info *run, char *err, size_t errlen)
{
	struct junit_sink *js = xcalloc(1, sizeof(*js));

	(void)err;
	(void)errlen;
	js->path = run->o->junit_path;
	js->sys = run->sys;
	js->start = run->start;
	return js;
}

static void junit_result(void *self, const struct result *r, const struct tally *t)
{
	struct junit_sink *js = self;

	(void)t;
	js->results = xrealloc(js->results, sizeof(*js->results) * (js->n + 1));
	js->results[js->n++] = (struct result *)r;
}

static int junit_end(void *self, const struct run_end *e, const struct tally *t, char *err,
		     size_t errlen)
{
	struct junit_sink *js = self;
	FILE *f = fopen(js->path, "w");
	int ret = 0;

	char host[256] = "";
	struct junit_run jr = { js->sys, host, js->start, e->duration };

	if (gethostname(host, sizeof(host) - 1) < 0)
		host[0] = '\0';
	if (f) {
		junit_write(f, js->results, js->n, &jr, t);
		fclose(f);
	} else {
		ret = set_error(err, errlen, "cannot write %s: %s", js->path, strerror(errno));
	}
	free(js->results);
	free(js);
	return ret;
}

const struct sink sink_junit = {
	.name = "junit",
	.wanted = junit_wanted,
	.open = junit_open,
	.result = junit_result,
	.end = junit_end,
};
