/*
 * check.c - the checks behind CHECK_*: silent when the rule holds, precise
 * when it does not (file:line, the expression, expected and actual, errno
 * by name), and then the case ends FAIL.
 */
#include "mmapcts.h"

#include <stdio.h>

#define FAIL_AT(file, line, ...) mmapcts_end_(VERDICT_FAIL, file, line, __VA_ARGS__)

void mmapcts_check_(const char *file, int line, int ok, const char *expr)
{
	if (!ok)
		FAIL_AT(file, line, "CHECK(%s): false", expr);
}

void mmapcts_check_cmp_(const char *file, int line, const char *op,
			const char *aexpr, intmax_t a, const char *bexpr, intmax_t b)
{
	int ok;

	switch (op[0]) {
	case '=': ok = a == b; break;
	case '!': ok = a != b; break;
	case '<': ok = a <= b; break;
	default:  ok = a >= b; break;
	}
	if (!ok)
		FAIL_AT(file, line, "%s %s %s: got %jd, expected %s%jd", aexpr, op,
			bexpr, a, op[0] == '=' ? "" : op, b);
}

void mmapcts_check_ptr_(const char *file, int line, const char *aexpr,
			const void *a, const char *bexpr, const void *b)
{
	/* Addresses differ from run to run: say how far apart, not where. */
	if (a != b)
		FAIL_AT(file, line, "%s == %s: got %s, %+jd bytes from expected", aexpr,
			bexpr, a == MAP_FAILED ? "MAP_FAILED" : a ? "an address" : "NULL",
			(intmax_t)((const char *)a - (const char *)b));
}

/* A memory check reads what it compares: a fault on the way is the
 * check's FAIL (which signal, where), not a crash of the case. */
static void readable_or_fail(const char *file, int line, const char *expr,
			     const void *addr, size_t n)
{
	size_t at;
	struct fault f = probe_read_range(addr, n, &at);

	if (f.sig)
		FAIL_AT(file, line, "%s: reading byte %zu (page %zu) raised %s (%s)", expr,
			at, at / page_size, signal_name(f.sig), si_code_name(f.sig, f.code));
}

static void mismatch(const char *file, int line, const char *expr, size_t at,
		     unsigned got, unsigned want, const char *what)
{
	FAIL_AT(file, line, "%s: byte %zu (page %zu + %zu) is 0x%02x, expected 0x%02x (%s)",
		expr, at, at / page_size, at % page_size, got, want, what);
}

void mmapcts_check_mem_(const char *file, int line, const char *expr,
			const void *actual, const void *expected, size_t n)
{
	const unsigned char *a = actual, *e = expected;

	readable_or_fail(file, line, expr, actual, n);
	for (size_t i = 0; i < n; i++)
		if (a[i] != e[i])
			mismatch(file, line, expr, i, a[i], e[i], "the expected bytes");
}

void mmapcts_check_pattern_(const char *file, int line, const char *expr,
			    const void *addr, uint64_t off, size_t n, unsigned seed)
{
	const unsigned char *a = addr;

	readable_or_fail(file, line, expr, addr, n);
	for (size_t i = 0; i < n; i++) {
		unsigned char want = pattern_byte_seed(off + i, seed);
		if (a[i] != want)
			mismatch(file, line, expr, i, a[i], want,
				 a[i] == 0 ? "zero instead of the pattern"
				 : a[i] == pattern_byte_seed(off + i, 0) ? "the original pattern"
				 : seed ? "the written pattern" : "the pattern");
	}
}

void mmapcts_check_zero_(const char *file, int line, const char *expr,
			 const void *addr, size_t n)
{
	const unsigned char *a = addr;

	readable_or_fail(file, line, expr, addr, n);
	for (size_t i = 0; i < n; i++)
		if (a[i])
			mismatch(file, line, expr, i, a[i], 0, "zero");
}

static void errno_set_string(const int *allowed, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (int i = 0; allowed[i]; i++)
		len += snprintf(buf + len, len < size ? size - len : 0, "%s%s",
				i ? (allowed[i + 1] ? ", " : " or ") : "",
				errno_name(allowed[i]));
}

void mmapcts_check_fails_(const char *file, int line, const char *expr,
			  int failed, const int *allowed)
{
	int err = errno;
	char set[256];

	errno_set_string(allowed, set, sizeof(set));
	if (!failed)
		FAIL_AT(file, line, "%s: succeeded, expected failure with %s", expr, set);
	for (int i = 0; allowed[i]; i++)
		if (err == allowed[i])
			return;
	FAIL_AT(file, line, "%s: failed with %s, expected %s", expr,
		errno_name(err), set);
}

intmax_t mmapcts_check_ok_(const char *file, int line, const char *expr, intmax_t ret)
{
	int err = errno;

	if (ret == -1)
		FAIL_AT(file, line, "%s: failed with %s, expected success", expr,
			errno_name(err));
	return ret;
}

void *mmapcts_check_map_ok_(const char *file, int line, const char *expr, void *ret)
{
	int err = errno;

	if (ret == MAP_FAILED)
		FAIL_AT(file, line, "%s: failed with %s, expected success", expr,
			errno_name(err));
	return ret;
}

static const char *fault_string(struct fault f, char *buf, size_t size)
{
	if (!f.sig)
		snprintf(buf, size, "no fault");
	else
		snprintf(buf, size, "%s (%s)", signal_name(f.sig),
			 si_code_name(f.sig, f.code));
	return buf;
}

void mmapcts_check_fault_(const char *file, int line, const char *expr,
			  const char *access, struct fault f, const volatile void *addr,
			  int sig, int code)
{
	char got[64], want[64];
	struct fault expected = { .sig = sig, .code = code };
	uintptr_t page = (uintptr_t)addr / page_size;

	if (f.sig == sig && (!sig || f.code == code) &&
	    (!sig || (uintptr_t)f.addr / page_size == page))
		return;
	fault_string(f, got, sizeof(got));
	fault_string(expected, want, sizeof(want));
	if (f.sig == sig && f.code == code)
		FAIL_AT(file, line, "%s of %s: %s with si_addr %+jd bytes from the "
			"address, expected within its page", access, expr, got,
			(intmax_t)((const char *)f.addr - (const char *)addr));
	FAIL_AT(file, line, "%s of %s: got %s, expected %s", access, expr, got, want);
}

void mmapcts_check_denied_(const char *file, int line, const char *expr,
			   const char *access, struct fault f, const volatile void *addr)
{
	char key[32];

	if (!f.sig)
		FAIL_AT(file, line, "%s of %s: no fault, expected the access to be denied",
			access, expr);
	if (f.sig != SIGSEGV && f.sig != SIGBUS)
		FAIL_AT(file, line, "%s of %s: got %s, expected SIGSEGV or SIGBUS", access,
			expr, signal_name(f.sig));
	if ((uintptr_t)f.addr / page_size != (uintptr_t)addr / page_size)
		FAIL_AT(file, line, "%s of %s: %s with si_addr %+jd bytes from the address, "
			"expected within its page", access, expr, signal_name(f.sig),
			(intmax_t)((const char *)f.addr - (const char *)addr));
	snprintf(key, sizeof(key), "%s_denied_by", access);
	OBSERVE(key, "%s/%s", signal_name(f.sig), si_code_name(f.sig, f.code));
}

void mmapcts_check_signal_(const char *file, int line, const char *expr,
			   const char *access, struct fault f, const volatile void *addr,
			   int sig)
{
	char key[32];

	if (f.sig != sig)
		FAIL_AT(file, line, "%s of %s: got %s%s%s%s, expected %s", access, expr,
			f.sig ? signal_name(f.sig) : "no fault", f.sig ? " (" : "",
			f.sig ? si_code_name(f.sig, f.code) : "", f.sig ? ")" : "",
			signal_name(sig));
	snprintf(key, sizeof(key), "%s_si_code", access);
	OBSERVE(key, "%s", si_code_name(f.sig, f.code));
	/* The signal and code match by construction: this checks si_addr. */
	mmapcts_check_fault_(file, line, expr, access, f, addr, sig, f.code);
}

void mmapcts_check_unmapped_(const char *file, int line, const char *expr,
			     volatile unsigned char *addr, size_t len)
{
	char what[96];

	for (size_t off = 0; off < len; off += page_size) {
		snprintf(what, sizeof(what), "%s, page %zu", expr, off / page_size);
		mmapcts_check_fault_(file, line, what, "read", probe_read(addr + off),
				     addr + off, SIGSEGV, SEGV_MAPERR);
		mmapcts_check_fault_(file, line, what, "write", probe_write(addr + off, 0x5a),
				     addr + off, SIGSEGV, SEGV_MAPERR);
	}
	snprintf(what, sizeof(what), "the last byte of %s", expr);
	mmapcts_check_fault_(file, line, what, "read", probe_read(addr + len - 1),
			     addr + len - 1, SIGSEGV, SEGV_MAPERR);
}

void mmapcts_require_hole_(const char *file, int line, const volatile unsigned char *addr,
			   size_t len)
{
	for (size_t off = 0; off < len; off += page_size) {
		struct fault f = probe_read(addr + off);

		if (f.sig != SIGSEGV || f.code != SEGV_MAPERR)
			mmapcts_end_(VERDICT_UNRESOLVED, file, line, "page %zu of the range is "
				     "still mapped after munmap() (see removed-pages-fault)",
				     off / page_size);
	}
}

void mmapcts_check_intact_(const char *file, int line, const char *expr,
			   const unsigned char *base, size_t first, size_t n, unsigned seed)
{
	char what[96];

	for (size_t i = first; i < first + n; i++) {
		const unsigned char *p = base + i * page_size;

		snprintf(what, sizeof(what), "%s, page %zu", expr, i);
		mmapcts_check_fault_(file, line, what, "read", probe_read(p), p, 0, 0);
		mmapcts_check_fault_(file, line, what, "read", probe_read(p + page_size - 1),
				     p + page_size - 1, 0, 0);
		mmapcts_check_pattern_(file, line, what, p, i * page_size, page_size, seed);
	}
}

void mmapcts_check_pages_writable_(const char *file, int line, unsigned char *map,
				   size_t npages, size_t skip)
{
	char what[112];

	for (size_t i = 0; i < npages; i++) {
		unsigned char *first = map + i * page_size, *last = first + page_size - 1;
		const char *note = skip < npages ? " (another page changed)" : "";

		if (i == skip)
			continue;
		snprintf(what, sizeof(what), "the first byte of page %zu of %zu%s", i,
			 npages, note);
		mmapcts_check_fault_(file, line, what, "write", probe_write(first, 0x11),
				     first, 0, 0);
		snprintf(what, sizeof(what), "the last byte of page %zu of %zu%s", i,
			 npages, note);
		mmapcts_check_fault_(file, line, what, "write", probe_write(last, 0x22),
				     last, 0, 0);
	}
}

void mmapcts_check_maps_or_fails_(const char *file, int line, const char *expr,
				  void *p, size_t len, const char *key, const int *allowed)
{
	int err = errno;

	OBSERVE(key, "%s", p == MAP_FAILED ? "no" : "yes");
	if (p != MAP_FAILED) {
		safe_munmap_(file, line, p, len);
		return;
	}
	errno = err;
	mmapcts_check_fails_(file, line, expr, 1, allowed);
}
