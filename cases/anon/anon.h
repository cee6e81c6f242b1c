/*
 * anon.h - what the anonymous-memory cases share: a length beyond all the
 * machine's memory, address-range arithmetic, and the bodies that cases run
 * more than once (fresh mappings after an unmap; two mappings that must
 * be separate objects; stores exchanged with a forked child through
 * never-touched pages).
 *
 * Checks take the case's file and line, so a FAIL names the case's line,
 * not this header.
 */
#ifndef ANON_H
#define ANON_H

#include "mmapcts.h"

#include <stdlib.h>
#include <sys/resource.h>

/* ------------------------------------------------------------------------
 * The machine, as Linux describes it (meminfo_bytes() in the library).
 * ------------------------------------------------------------------------ */

/*
 * The helpers from here on are called through a macro of their name that
 * passes the case's file and line; inside them MMAPCTS_HERE is those, so a
 * setup call, check or verdict in them names the case's line, never this
 * header's.
 */
#undef MMAPCTS_HERE
#define MMAPCTS_HERE file, line

/*
 * A page-multiple length of twice all the memory there is (RAM plus swap),
 * so that no accounting could ever promise it.  UNTESTED where it does not
 * fit the address space or RLIMIT_AS would refuse it first: then nothing
 * about overcommit can be learned from the answer.
 */
static inline size_t beyond_memory_length_(const char *file, int line)
{
	unsigned long long total = meminfo_bytes("MemTotal") + meminfo_bytes("SwapTotal");
	struct rlimit rl;

	if (total > SIZE_MAX / 8)
		UNTESTED("twice RAM plus swap (%llu bytes) does not fit this "
			 "address space", total);
	if (getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
		UNTESTED("RLIMIT_AS is finite: it, not the overcommit policy, "
			 "would decide a mapping larger than memory");
	return (size_t)(2 * total + page_size - 1) / page_size * page_size;
}
#define beyond_memory_length() beyond_memory_length_(MMAPCTS_HERE)

/* ------------------------------------------------------------------------
 * Address ranges.
 * ------------------------------------------------------------------------ */

/* Do [a, a + alen) and [b, b + blen) share a byte? */
static inline int ranges_overlap(const void *a, size_t alen, const void *b, size_t blen)
{
	uintptr_t as = (uintptr_t)a, bs = (uintptr_t)b;

	return as < bs + blen && bs < as + alen;
}

/*
 * The start of len bytes of address space where nothing is mapped, with
 * two free pages on either side: the range of a mapping made and removed
 * here.  Free until the case maps something else (the case is one thread).
 */
static inline unsigned char *free_range_(const char *file, int line, size_t len)
{
	size_t span = len + 4 * page_size;
	unsigned char *p = SAFE_MMAP(NULL, span, PROT_NONE,
				     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	SAFE_MUNMAP(p, span);
	return p + 2 * page_size;
}
#define free_range(...) free_range_(MMAPCTS_HERE, __VA_ARGS__)

/* ------------------------------------------------------------------------
 * POSIX options.
 * ------------------------------------------------------------------------ */

/* POSIX forbids accesses that the protection does not allow only under
 * the Memory Protection option. */
static inline void need_memory_protection_(const char *file, int line)
{
	if (sysconf(_SC_MEMORY_PROTECTION) <= 0)
		UNSUPPORTED("the Memory Protection option is not supported "
			    "(sysconf(_SC_MEMORY_PROTECTION)): an access against the "
			    "protection is undefined");
}
#define need_memory_protection() need_memory_protection_(MMAPCTS_HERE)
#undef MMAPCTS_HERE
#define MMAPCTS_HERE __FILE__, __LINE__

/* ------------------------------------------------------------------------
 * Bodies that more than one case runs.
 * ------------------------------------------------------------------------ */

/*
 * Map, fill with a pattern and unmap len bytes of anonymous memory
 * (flags: exactly MAP_PRIVATE or MAP_SHARED) several times over; every new mapping
 * must read as zero before it is filled, although the kernel most likely
 * hands the frames (and addresses) the previous round freed straight back.
 */
#define CHECK_FRESH_MAPPINGS_ZERO(flags, len)                                  \
	check_fresh_mappings_zero_(MMAPCTS_HERE, (flags), (len))

static inline void check_fresh_mappings_zero_(const char *file, int line, int flags,
					      size_t len)
{
	for (unsigned round = 1; round <= 8; round++) {
		unsigned char *p = safe_map_anon_(file, line, NULL, len,
						  PROT_READ | PROT_WRITE, flags);

		mmapcts_check_zero_(file, line, flags == MAP_SHARED ?
				    "a new shared mapping" : "a new private mapping",
				    p, len);
		fill_pattern(p, 0, len, round);
		SAFE_MUNMAP(p, len);
	}
}

/*
 * Two mappings made one after the other by map(len) are separate objects:
 * the first is filled before the second exists, the second must read as
 * zero; then the second is filled, and the first must still hold its own
 * bytes.  Sharing, in whichever direction it happens, shows.
 */
#define CHECK_MAPPINGS_SEPARATE(map, len)                                      \
	check_mappings_separate_(MMAPCTS_HERE, (map), (len))

static inline void check_mappings_separate_(const char *file, int line,
					    unsigned char *(*map)(size_t), size_t len)
{
	unsigned char *first = map(len), *second;

	fill_pattern(first, 0, len, 1);
	second = map(len);
	mmapcts_check_zero_(file, line, "the second mapping", second, len);

	fill_pattern(second, 0, len, 2);
	mmapcts_check_pattern_(file, line, "the first mapping", first, 0, len, 1);
}

/*
 * Stores exchanged with a forked child through two pages of p (2 pages of
 * anonymous memory that nobody has touched yet): the child stores into
 * page 0 and posts; the parent looks at page 0, stores into page 1 and
 * posts; the child looks at page 1.  Each side sees the other's store
 * (shared) or still zero (private).  No page exists before the fork, so
 * each store creates its page after the fork.
 */
struct anon_exchange {
	unsigned char *p;
	int shared;
	struct sync sync;
	const char *file;
	int line;
};

static inline void anon_check_peer_page(const struct anon_exchange *x,
					const unsigned char *page, unsigned seed,
					const char *what)
{
	if (x->shared)
		mmapcts_check_pattern_(x->file, x->line, what, page, 0, page_size, seed);
	else
		mmapcts_check_zero_(x->file, x->line, what, page, page_size);
}

static inline void anon_exchange_child(void *arg)
{
	struct anon_exchange *x = arg;

	fill_pattern(x->p, 0, page_size, 1);
	sync_post(&x->sync);
	sync_wait(&x->sync);
	anon_check_peer_page(x, x->p + page_size, 2,
			     "page 1 in the child, after the parent's store");
}

#define CHECK_EXCHANGE_WITH_CHILD(p, shared)                                   \
	check_exchange_with_child_(MMAPCTS_HERE, (p), (shared))

static inline void check_exchange_with_child_(const char *file, int line,
					      unsigned char *p, int shared)
{
	static struct anon_exchange x;
	pid_t pid;

	x.p = p;
	x.shared = shared;
	x.file = file;
	x.line = line;
	sync_init(&x.sync);
	pid = start_child(anon_exchange_child, &x);

	sync_wait(&x.sync);
	anon_check_peer_page(&x, p, 1, "page 0 in the parent, after the child's store");
	fill_pattern(p + page_size, 0, page_size, 2);
	sync_post(&x.sync);

	wait_child(pid);
}

#endif /* ANON_H */
