/*
 * text.c - growing strings and the escaping every output format needs.
 * Captured output is arbitrary bytes; the record must stay valid JSON and
 * the JUnit file valid XML whatever a case printed.
 */
#include "harness.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(void)
{
	fputs("mmapcts: out of memory\n", stderr);
	exit(2);
}

void *xrealloc(void *p, size_t size)
{
	p = realloc(p, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

char *xstrdup(const char *s)
{
	char *d = strdup(s ? s : "");
	if (!d)
		out_of_memory();
	return d;
}

void buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		while (cap < b->len + n + 1)
			cap *= 2;
		b->data = xrealloc(b->data, cap);
		b->cap = cap;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void buf_puts(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof(small)) {
		buf_add(b, small, (size_t)n);
		return;
	}
	char *big = xcalloc(1, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	buf_add(b, big, (size_t)n);
	free(big);
}

int set_error(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -1;
}

int buf_read_file(struct buf *b, const char *path)
{
	char chunk[8192];
	size_t n;
	int failed;
	FILE *f = fopen(path, "r");

	if (!f)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(b, chunk, n);
	failed = ferror(f);
	fclose(f);
	buf_add(b, "", 0);	/* a string, even for an empty file */
	if (failed)
		errno = EIO;
	return failed ? -1 : 0;
}

void buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	size_t len;
	unsigned min;
	unsigned cp;

	if (s[0] < 0x80)
		return 1;
	if ((s[0] & 0xe0) == 0xc0) {
		len = 2; min = 0x80; cp = s[0] & 0x1f;
	} else if ((s[0] & 0xf0) == 0xe0) {
		len = 3; min = 0x800; cp = s[0] & 0x0f;
	} else if ((s[0] & 0xf8) == 0xf0) {
		len = 4; min = 0x10000; cp = s[0] & 0x07;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

void json_string(struct buf *b, const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;

	buf_add(b, "\"", 1);
	for (size_t i = 0; i < n;) {
		unsigned char c = s[i];
		size_t l;

		switch (c) {
		case '"':  buf_add(b, "\\\"", 2); i++; continue;
		case '\\': buf_add(b, "\\\\", 2); i++; continue;
		case '\n': buf_add(b, "\\n", 2); i++; continue;
		case '\r': buf_add(b, "\\r", 2); i++; continue;
		case '\t': buf_add(b, "\\t", 2); i++; continue;
		default: break;
		}
		if (c < 0x20 || c == 0x7f) {
			buf_printf(b, "\\u%04x", c);
			i++;
			continue;
		}
		l = utf8_len(s + i, n - i);
		if (l == 0) {
			buf_puts(b, "\\ufffd");	/* not UTF-8: keep the record valid */
			i++;
			continue;
		}
		buf_add(b, (const char *)s + i, l);
		i += l;
	}
	buf_add(b, "\"", 1);
}

void xml_escape(struct buf *b, const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;

	for (size_t i = 0; i < n;) {
		unsigned char c = s[i];
		size_t l;

		switch (c) {
		case '<':  buf_puts(b, "&lt;"); i++; continue;
		case '>':  buf_puts(b, "&gt;"); i++; continue;
		case '&':  buf_puts(b, "&amp;"); i++; continue;
		case '"':  buf_puts(b, "&quot;"); i++; continue;
		case '\'': buf_puts(b, "&apos;"); i++; continue;
		case '\n': case '\t': case '\r':
			buf_printf(b, "&#%d;", c); i++; continue;
		default: break;
		}
		if (c < 0x20 || c == 0x7f) {
			buf_puts(b, "\xef\xbf\xbd");	/* XML 1.0 forbids these */
			i++;
			continue;
		}
		l = utf8_len(s + i, n - i);
		if (l == 0) {
			buf_puts(b, "\xef\xbf\xbd");
			i++;
			continue;
		}
		if (l == 3 && s[i] == 0xef && s[i + 1] == 0xbf && s[i + 2] >= 0xbe) {
			buf_puts(b, "\xef\xbf\xbd");	/* U+FFFE, U+FFFF: not XML */
			i += 3;
			continue;
		}
		buf_add(b, (const char *)s + i, l);
		i += l;
	}
}

void printable_text(struct buf *b, const char *str, size_t n, int keep_newlines)
{
	const unsigned char *s = (const unsigned char *)str;

	for (size_t i = 0; i < n;) {
		unsigned char c = s[i];
		size_t l;

		if (c == '\n' || c == '\r') {
			buf_add(b, keep_newlines && c == '\n' ? "\n" : " ", 1);
			i++;
			continue;
		}
		l = c == '\t' || (c >= 0x20 && c != 0x7f) ? utf8_len(s + i, n - i) : 0;
		if (l == 0) {
			buf_printf(b, "\\x%02x", c);
			i++;
			continue;
		}
		buf_add(b, (const char *)s + i, l);
		i += l;
	}
}

void ktap_name(struct buf *b, const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '#' || c == '\n' || c == '\r')
			c = '_';
		buf_add(b, &c, 1);
	}
}

void capture_add(struct capture *c, const char *data, size_t n)
{
	c->total += n;
	if (c->kept.len >= c->cap)
		return;
	if (n > c->cap - c->kept.len)
		n = c->cap - c->kept.len;
	buf_add(&c->kept, data, n);
}

int capture_truncated(const struct capture *c)
{
	return c->total > c->kept.len;
}
