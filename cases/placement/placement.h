/*
 * placement.h - what the placement cases share: a mapping of the
 * variant's backing with holes around it (inside a reservation, so that
 * MAP_FIXED and MAP_FIXED_NOREPLACE only ever meet the case's own
 * memory), the arguments that map the variant's backing, and the checks
 * of a MAP_FIXED_NOREPLACE call.
 */
#ifndef PLACEMENT_H
#define PLACEMENT_H

#include "mmapcts.h"

#include <stdlib.h>

/* Do [a, a + alen) and [b, b + blen) share a byte? */
static inline int ranges_meet(const void *a, size_t alen, const void *b, size_t blen)
{
	uintptr_t as = (uintptr_t)a, bs = (uintptr_t)b;

	return as < bs + blen && bs < as + alen;
}

/* A variant's backing as mmap() arguments: fd (-1 for anon) and the flags
 * to add (MAP_ANONYMOUS for anon). */
struct backing {
	int fd;
	int flags;
	int object;		/* file, shm, memfd: the mapping shows the pattern */
	struct object obj;	/* that object, where object is set */
};

/* A flag bit no Linux architecture defines (the one shared-file.h uses). */
#define UNKNOWN_MAP_FLAG 0x800000

/*
 * The helpers from here on are called through a macro of their name that
 * passes the case's file and line; inside them MMAPCTS_HERE is those, so a
 * setup call, check or verdict in them names the case's line, never this
 * header's.
 */
#undef MMAPCTS_HERE
#define MMAPCTS_HERE file, line

/* The variant's backing, an object of len pattern bytes where it is one. */
static inline struct backing variant_backing_(const char *file, int line, size_t len)
{
	struct backing b;

	memset(&b, 0, sizeof(b));
	b.fd = -1;
	if (variant_is("anon")) {
		b.flags = MAP_ANONYMOUS;
	} else if (variant_is("dev-zero")) {
		b.fd = OPEN_DEV_ZERO(O_RDWR);
	} else {
		b.obj = make_object(len);
		b.fd = b.obj.fd;
		b.object = 1;
	}
	return b;
}
#define variant_backing(...) variant_backing_(MMAPCTS_HERE, __VA_ARGS__)

/*
 * A reservation of holes_before + npages + holes_after pages in which
 * only the npages in the middle are mapped: MAP_SHARED, read-write, on
 * the variant's backing, holding the pattern; the pages around them are
 * holes.  Returns the mapping.
 */
static inline unsigned char *mapping_between_holes_(const char *file, int line,
						    size_t holes_before, size_t npages,
						    size_t holes_after)
{
	size_t total = holes_before + npages + holes_after;
	unsigned char *r = reserve(total * page_size);
	unsigned char *map = r + holes_before * page_size;

	SAFE_MAP_PATTERN(map, npages * page_size, PROT_READ | PROT_WRITE,
			 MAP_SHARED | MAP_FIXED, NULL);
	if (holes_before)
		SAFE_MUNMAP(r, holes_before * page_size);
	if (holes_after)
		SAFE_MUNMAP(map + npages * page_size, holes_after * page_size);
	return map;
}
#define mapping_between_holes(...) mapping_between_holes_(MMAPCTS_HERE, __VA_ARGS__)

/*
 * MAP_FIXED_NOREPLACE appeared in Linux 4.17; an older kernel ignores the
 * unknown bit, so the call is a hint (or, with MAP_FIXED, MAP_FIXED).
 * What such a kernel did with a call the case expected otherwise (p, for
 * a request at addr) is UNSUPPORTED only where both say so: the kernel is
 * older, and the result is what an ignored flag gives - another address
 * for a hint, addr itself with MAP_FIXED.  Otherwise it is the case's FAIL.
 */
static inline int noreplace_ignored_here(const void *p, const void *addr, int flags)
{
	int as_fixed = (flags & MAP_FIXED) != 0;

	return !kernel_at_least("4.17") && p != MAP_FAILED &&
	       (as_fixed ? p == addr : p != addr);
}

static inline void *noreplace_call(void *addr, size_t len, int flags)
{
	return mmap(addr, len, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE | flags, -1, 0);
}

/*
 * mmap(addr, len, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE |
 * flags) must fail with err (EEXIST, EINVAL), mapping nothing; what
 * names the range in a message.
 */
static inline void check_noreplace_refused_(const char *file, int line, void *addr,
					    size_t len, int flags, int err, const char *what)
{
	void *p = noreplace_call(addr, len, flags);
	int saved = errno;
	char expr[160];

	if (noreplace_ignored_here(p, addr, flags))
		UNSUPPORTED("MAP_FIXED_NOREPLACE (Linux 4.17) is unknown to this kernel, "
			    "%s: the call over %s was taken as %s", kernel_release(), what,
			    (flags & MAP_FIXED) ? "MAP_FIXED" : "a hint");
	if (p != MAP_FAILED)
		FAIL("mmap(MAP_FIXED_NOREPLACE%s) over %s succeeded (at %s), expected %s",
		     (flags & MAP_FIXED) ? " | MAP_FIXED" : "", what,
		     p == addr ? "the address asked for" : "another address",
		     errno_name(err));
	errno = saved;
	snprintf(expr, sizeof(expr), "mmap(MAP_FIXED_NOREPLACE%s) over %s",
		 (flags & MAP_FIXED) ? " | MAP_FIXED" : "", what);
	mmapcts_check_fails_(file, line, expr, 1, (const int[]){ err, 0 });
}
#define CHECK_NOREPLACE_REFUSED(addr, len, flags, err, what)                   \
	check_noreplace_refused_(MMAPCTS_HERE, (addr), (len), (flags), (err), (what))

/*
 * mmap(addr, len, prot, kind | MAP_FIXED_NOREPLACE, b.fd, 0) on a range
 * that is a hole must map exactly there; returns the mapping.
 */
static inline unsigned char *check_noreplace_placed_(const char *file, int line,
						     void *addr, size_t len, int kind,
						     struct backing b, const char *what)
{
	unsigned char *p;

	REQUIRE_HOLE(addr, len);
	p = mmap(addr, len, PROT_READ | PROT_WRITE, kind | b.flags | MAP_FIXED_NOREPLACE,
		 b.fd, 0);
	if (p == MAP_FAILED)
		FAIL("mmap(MAP_FIXED_NOREPLACE) on %s (a hole) failed with %s, expected "
		     "the address asked for", what, errno_name(errno));
	if (noreplace_ignored_here(p, addr, 0))
		UNSUPPORTED("MAP_FIXED_NOREPLACE (Linux 4.17) is unknown to this kernel, "
			    "%s: the call on %s was taken as a hint", kernel_release(), what);
	if (p != (unsigned char *)addr)
		FAIL("mmap(MAP_FIXED_NOREPLACE) on %s (a hole) returned another address "
		     "(%+jd pages from the one asked for)", what,
		     (intmax_t)((p - (unsigned char *)addr) / (ptrdiff_t)page_size));
	return p;
}
#define CHECK_NOREPLACE_PLACED(addr, len, kind, b, what)                       \
	check_noreplace_placed_(MMAPCTS_HERE, (addr), (len), (kind), (b), (what))

/*
 * Lose CAP_SYS_RAWIO (in a child: there is no way back), the capability
 * that lifts the low-address limit; the process keeps its user ids, so it
 * still reaches what the case's own files need.  The case relies on the
 * loss, so CapEff in /proc/self/status must lack the bit afterwards
 * (UNRESOLVED otherwise, UNTESTED without the figure).
 */
static inline void drop_raw_io_(const char *file, int line)
{
	char buf[4096], *cap;
	int fd;
	ssize_t n;

	if (drop_capability(LINUX_CAP_SYS_RAWIO) < 0)
		UNRESOLVED("dropping CAP_SYS_RAWIO (capset) failed: %s", errno_name(errno));
	fd = open("/proc/self/status", O_RDONLY);
	if (fd < 0)
		UNTESTED("no /proc/self/status: whether the process still has "
			 "CAP_SYS_RAWIO cannot be told");
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	buf[n > 0 ? n : 0] = 0;
	cap = strstr(buf, "CapEff:");
	if (!cap)
		UNTESTED("no CapEff in /proc/self/status: whether the process still "
			 "has CAP_SYS_RAWIO cannot be told");
	if (strtoull(cap + 7, NULL, 16) & (1ULL << LINUX_CAP_SYS_RAWIO))
		UNRESOLVED("the process keeps CAP_SYS_RAWIO after dropping it (%.30s)", cap);
}
#define drop_raw_io() drop_raw_io_(MMAPCTS_HERE)

#undef MMAPCTS_HERE
#define MMAPCTS_HERE __FILE__, __LINE__

#endif /* PLACEMENT_H */
