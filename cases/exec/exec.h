/*
 * exec.h - what the exec/ cases share.
 *
 * An exec case has one shape: map, store, re-execute (exec_self()), probe
 * in the new image.  The helpers below do the first three steps in a
 * child of the case's own process - so that process keeps the objects
 * and the duty to remove them - and return only in the new image, where
 * the case probes.  The case's own process waits for the new image and
 * ends with its verdict.  A case using them reads as: the helper call
 * (setup and action), then the check.
 */
#ifndef EXEC_H
#define EXEC_H

#include "mmapcts.h"

/*
 * The two checks below are called through a macro of their name that
 * passes the case's file and line; inside them MMAPCTS_HERE is those, so a
 * check or verdict in them names the case's line, never this header's.
 * (The other helpers run partly in callbacks, which cannot be given it.)
 */
/* The stage name the new image runs under. */
#define NEW_IMAGE "new-image"

/* Pattern seeds: an object's bytes as make_object() writes them (and the
 * fill of a fresh anonymous mapping), and what the old image stores. */
enum { ORIGINAL = 0, STORED = 2 };

/* ---- the caller's own mappings, which something must leave intact ---- */

/* One mapping of each kind: private and shared, anonymous and object. */
enum { KINDS = 4 };
static const struct {
	const char *name;
	int flags;
} kinds[KINDS] = {
	{ "private anonymous", MAP_PRIVATE | MAP_ANONYMOUS },
	{ "shared anonymous", MAP_SHARED | MAP_ANONYMOUS },
	{ "private object", MAP_PRIVATE },
	{ "shared object", MAP_SHARED },
};

/* Map len bytes of each kind into maps[] and store pattern STORED into
 * all of them (into the private object mapping, the process's own copy). */
static inline void map_each_kind(unsigned char *maps[KINDS], size_t len)
{
	for (int i = 0; i < KINDS; i++) {
		maps[i] = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
					   kinds[i].flags, NULL);
		fill_pattern(maps[i], 0, len, STORED);
	}
}

/* The check of the cases that use map_each_kind(): every page of every
 * mapping is still mapped (probed, so a missing one is a FAIL, not a
 * crash) and holds pattern STORED.  Messages name the kind. */
#undef MMAPCTS_HERE
#define MMAPCTS_HERE file, line
static inline void check_each_kind_intact_(const char *file, int line,
					   unsigned char *maps[KINDS], size_t len)
{
	for (int i = 0; i < KINDS; i++) {
		for (size_t off = 0; off < len; off += page_size)
			if (probe_read(maps[i] + off).sig)
				FAIL("the %s mapping: page %zu is no longer readable",
				     kinds[i].name, off / page_size);
		for (size_t off = 0; off < len; off++)
			if (maps[i][off] != pattern_byte_seed(off, STORED))
				FAIL("the %s mapping: byte %zu is %#x, expected %#x",
				     kinds[i].name, off, maps[i][off],
				     pattern_byte_seed(off, STORED));
	}
}
#undef MMAPCTS_HERE
#define MMAPCTS_HERE __FILE__, __LINE__
#define check_each_kind_intact(...) check_each_kind_intact_(MMAPCTS_HERE, __VA_ARGS__)

/* ---- the old image's pages, probed at their addresses in the new image ---- */

/*
 * The new image might map memory of its own at an old page's address by
 * chance.  It is rare: with address space randomisation the new image's
 * few megabytes land anywhere in a range of terabytes; without it the new
 * image repeats the old one's layout, and what it maps beyond that lands
 * next to the old mappings - so the old pages are placed in the middle of
 * a reservation of many (uncommitted) pages, whose edges are where the new
 * image's allocations would go.
 */
#define REGION_PAGES 256

/* One mapping of the old image: a page mapped with flags and prot. */
struct old_mapping {
	const char *kind;	/* for messages: "shared anonymous" */
	int flags, prot;
};

struct old_pages {
	const struct old_mapping *mappings;
	int n, fd;
	unsigned char *first;
};

/* Where the old image had mapping i: every other page, so that no two
 * mappings are adjacent (and none can merge with another). */
static inline unsigned char *old_page(unsigned char *first, int i)
{
	return first + 2 * (size_t)i * page_size;
}

static inline void map_store_and_exec(void *arg)
{
	struct old_pages *o = arg;

	for (int i = 0; i < o->n; i++) {
		const struct old_mapping *m = &o->mappings[i];
		unsigned char *page = old_page(o->first, i);

		SAFE_MMAP(page, page_size, m->prot, m->flags | MAP_FIXED,
			  m->flags & MAP_ANONYMOUS ? -1 : o->fd, 0);
		if (m->prot & PROT_WRITE)
			fill_pattern(page, 0, page_size, STORED);
	}
	exec_self_addr(NEW_IMAGE, o->first);
}

/*
 * A child maps one page for each of the n mappings (anonymous ones with
 * MAP_ANONYMOUS, the others of one new object of the variant's backing),
 * stores pattern STORED into each writable one, and re-executes itself.
 * Returns, in the new image only, the address of the first page; mapping
 * i was at old_page(first, i).
 */
static inline unsigned char *old_pages_after_exec(const struct old_mapping *mappings, int n)
{
	struct old_pages o = { .mappings = mappings, .n = n, .fd = -1 };

	if (exec_stage())
		return exec_arg_addr();
	o.first = (unsigned char *)reserve(REGION_PAGES * page_size) +
		  (REGION_PAGES / 2 - n) * page_size;
	for (int i = 0; i < n; i++)
		if (!(mappings[i].flags & MAP_ANONYMOUS) && o.fd < 0)
			o.fd = make_object(page_size).fd;
	run_in_child(map_store_and_exec, &o);
	mmapcts_exit(VERDICT_PASS);
}

/*
 * In the new image: the old page of a mapping of the given kind must be
 * gone - a read raises SIGSEGV with SEGV_MAPERR.  SEGV_ACCERR means an
 * inaccessible mapping is still there; a completed read that returns the
 * old bytes, that the mapping itself is.  A completed read of other bytes
 * means the new image mapped something of its own there: the case cannot
 * tell and ends UNTESTED (naming it from /proc/self/maps where it can).
 */
#undef MMAPCTS_HERE
#define MMAPCTS_HERE file, line
static inline void check_old_page_gone_(const char *file, int line,
					const unsigned char *page, const char *kind)
{
	struct fault f = probe_read(page);
	char what[256];

	if (f.sig == SIGSEGV && f.code == SEGV_MAPERR)
		return;
	if (f.sig)
		FAIL("the old image's %s page: a read raises %s %s, expected SIGSEGV "
		     "SEGV_MAPERR (nothing mapped)", kind, signal_name(f.sig),
		     si_code_name(f.sig, f.code));
	for (size_t i = 0; i < page_size; i++)
		if (page[i] != pattern_byte_seed(i, STORED))
			UNTESTED("the new image has %s where the old image's %s page "
				 "was; run the case again",
				 mapping_name(page, what, sizeof(what)), kind);
	FAIL("the old image's %s page is still mapped, with its bytes", kind);
}
#undef MMAPCTS_HERE
#define MMAPCTS_HERE __FILE__, __LINE__
#define check_old_page_gone(...) check_old_page_gone_(MMAPCTS_HERE, __VA_ARGS__)

/* ---- an object the old image stored to, read in the new image ---- */

struct old_object {
	struct object obj;
	int flags;
	size_t len;
};

static inline void map_object_store_and_exec(void *arg)
{
	struct old_object *o = arg;
	unsigned char *map = SAFE_MMAP(NULL, o->len, PROT_READ | PROT_WRITE, o->flags,
				       o->obj.fd, 0);

	fill_pattern(map, 0, o->len, STORED);
	exec_self(NEW_IMAGE, o->obj.path);
}

/*
 * A child maps all len bytes of a new object of the variant (pattern
 * ORIGINAL) with flags, stores pattern STORED into every byte - no
 * msync(), no munmap(): the exec removes the mapping - and re-executes
 * itself.  Returns, in the new image only, a fresh read-only MAP_SHARED
 * mapping of the object: what the object holds now.  (A mapping rather
 * than read(), which POSIX leaves unspecified for shm objects.)
 */
static inline const unsigned char *object_after_exec(int flags, size_t len)
{
	struct old_object o = { .flags = flags, .len = len };

	if (exec_stage()) {
		o.obj = object_at(exec_arg(), O_RDONLY);
		return SAFE_MMAP(NULL, len, PROT_READ, MAP_SHARED, o.obj.fd, 0);
	}
	o.obj = make_object(len);
	run_in_child(map_object_store_and_exec, &o);
	mmapcts_exit(VERDICT_PASS);
}

#endif /* EXEC_H */
