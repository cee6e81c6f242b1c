/*
 * sink-stream.c - every event of the run as one line, written the moment
 * it happens to a channel that outlives the runner and its kernel (a
 * serial console, a virtio port), so a panic mid-run still leaves every
 * verdict before it and the case in flight.  One write(2) per line keeps
 * lines whole.  A channel that fails is given up: the run matters more.
 */
#include "harness.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int stream_open(struct stream *st, const char *path, char *err, size_t errlen)
{
	memset(st, 0, sizeof(*st));
	/* O_NONBLOCK only to open: a serial port may wait for its carrier, a
	 * FIFO for a reader; neither should hang the run before it starts. */
	st->fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOCTTY | O_CLOEXEC | O_NONBLOCK,
		      0644);
	if (st->fd < 0 || fcntl(st->fd, F_SETFL, O_APPEND) < 0) {
		set_error(err, errlen, "cannot write the stream %s: %s", path, strerror(errno));
		if (st->fd >= 0)
			close(st->fd);
		st->fd = -1;
		return -1;
	}
	st->path = xstrdup(path);
	return 0;
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t done = write(fd, p, n);
		if (done < 0 && errno == EINTR)
			continue;
		if (done <= 0) {
			if (done == 0)
				errno = EIO;	/* took nothing: would loop forever */
			return -1;
		}
		p += done;
		n -= (size_t)done;
	}
	return 0;
}

/* "@mmapcts-stream <seq> <event>\n", in one write. */
static void stream_line(struct stream *st, const struct buf *event)
{
	struct buf line = { 0 };

	if (st->fd < 0)
		return;
	buf_printf(&line, "@mmapcts-stream %lu ", ++st->seq);
	buf_add(&line, event->data, event->len);
	buf_add(&line, "\n", 1);
	if (write_all(st->fd, line.data, line.len) < 0) {
		fprintf(stderr, "mmapcts: writing the stream %s: %s; going on without it\n",
			st->path, strerror(errno));
		close(st->fd);
		st->fd = -1;
	}
	buf_free(&line);
}

void stream_begin(struct stream *st, const struct run_info *run)
{
	struct buf b = { 0 };

	buf_puts(&b, "{\"event\": \"begin\", \"record\": {");
	run_header_json(&b, " ", run);
	buf_puts(&b, "}}");
	stream_line(st, &b);
	buf_free(&b);
}

void stream_started(struct stream *st, const char *id)
{
	struct buf b = { 0 };

	buf_puts(&b, "{\"event\": \"start\", \"id\": ");
	json_string(&b, id, strlen(id));
	buf_puts(&b, "}");
	stream_line(st, &b);
	buf_free(&b);
}

void stream_result(struct stream *st, const struct result *r)
{
	struct buf b = { 0 };

	buf_puts(&b, "{\"event\": \"result\", \"case\": ");
	result_json(&b, r);
	buf_puts(&b, "}");
	stream_line(st, &b);
	buf_free(&b);
}

void stream_close(struct stream *st, double duration, int interrupted, const struct tally *t)
{
	struct buf b = { 0 };

	buf_puts(&b, "{\"event\": \"end\", ");
	run_end_json(&b, " ", duration, t->counts, tally_known(t), !interrupted && !t->running);
	buf_puts(&b, "}");
	stream_line(st, &b);
	buf_free(&b);
	if (st->fd >= 0)
		close(st->fd);
	free(st->path);
	memset(st, 0, sizeof(*st));
	st->fd = -1;
}


/* The stream as a sink: its begin event goes out as it opens. */
static int stream_wanted(const struct run_info *run)
{
	return run->o->stream_path != NULL;
}

static void *stream_sink_open(const struct run_info *run, char *err, size_t errlen)
{
	struct stream *st = xcalloc(1, sizeof(*st));

	if (stream_open(st, run->o->stream_path, err, errlen) < 0) {
		free(st);
		return NULL;
	}
	stream_begin(st, run);
	return st;
}

static void stream_sink_start(void *self, const struct case_entry *c, const struct tally *t)
{
	(void)t;
	stream_started(self, c->id);
}

static void stream_sink_result(void *self, const struct result *r, const struct tally *t)
{
	(void)t;
	stream_result(self, r);
}

static int stream_sink_end(void *self, const struct run_end *e, const struct tally *t,
			   char *err, size_t errlen)
{
	(void)err;
	(void)errlen;
	stream_close(self, e->duration, e->interrupted, t);
	free(self);
	return 0;
}

const struct sink sink_stream = {
	.name = "stream",
	.wanted = stream_wanted,
	.open = stream_sink_open,
	.start = stream_sink_start,
	.result = stream_sink_result,
	.end = stream_sink_end,
};
