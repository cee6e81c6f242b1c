/*
 * munmap.h - what the munmap cases share: mappings holding the pattern
 * (anonymous, of the variant's object, or laid out page by page inside a
 * reservation), the two checks every munmap case makes (these pages are
 * gone, those pages are untouched), reading an object back, a child that
 * runs after the parent unmaps, and memory locks as /proc shows them.
 *
 * The checks take the case's file and line, so a FAIL names the case's
 * line, not this header.
 */
#ifndef MUNMAP_H
#define MUNMAP_H

#include "mmapcts.h"

#include <stdlib.h>

/* An anonymous read-write mapping of npages pages, type MAP_PRIVATE or
 * MAP_SHARED; page i holds the pattern of offset i * page_size, so every
 * page is told from the others. */
static inline unsigned char *pattern_mapping(size_t npages, int type)
{
	size_t len = npages * page_size;
	unsigned char *map = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE,
				       type | MAP_ANONYMOUS, -1, 0);

	fill_pattern(map, 0, len, 0);
	return map;
}

/* The variant's object, npages pages of the pattern, made into *obj and
 * mapped whole with prot and type (MAP_SHARED or MAP_PRIVATE). */
static inline unsigned char *object_mapping(struct object *obj, size_t npages,
					    int prot, int type)
{
	*obj = make_object(npages * page_size);
	return SAFE_MMAP(NULL, npages * page_size, prot, type, obj->fd, 0);
}

/* Make the variant's object of npages pages into *obj, store the pattern
 * of seed 1 over all of it through a read-write mapping of type MAP_SHARED
 * or MAP_PRIVATE, and unmap that mapping. */
static inline void store_and_unmap(struct object *obj, size_t npages, int type)
{
	unsigned char *map = object_mapping(obj, npages, PROT_READ | PROT_WRITE, type);

	fill_pattern(map, 0, npages * page_size, 1);
	SAFE_MUNMAP(map, npages * page_size);
}

/*
 * Lay out a fresh reservation page by page: 'm' is a page of private
 * anonymous read-write memory holding the pattern of its offset from the
 * first page, '.' a hole with no mapping at all.  Nothing but the case can
 * map into the holes (MAP_FIXED is only ever used inside reservations), so
 * a hole stays a hole.  Neighbouring 'm' pages may merge into one mapping.
 */
static inline unsigned char *lay_out(const char *pages)
{
	size_t n = strlen(pages);
	unsigned char *base = reserve(n * page_size);

	for (size_t i = 0; i < n; i++) {
		unsigned char *p = base + i * page_size;

		if (pages[i] == 'm') {
			SAFE_MMAP(p, page_size, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
			fill_pattern(p, i * page_size, page_size, 0);
		} else {
			SAFE_MUNMAP(p, page_size);
		}
	}
	return base;
}

/*
 * Every page of [addr, addr + len) is unmapped: a read and a store at the
 * first byte of each page, and a read of the last byte of the range, raise
 * SIGSEGV with si_code SEGV_MAPERR and si_addr in that page.
 */
#define CHECK_UNMAPPED(addr, len)                                              \
	check_unmapped_(MMAPCTS_HERE, #addr, (addr), (len))

static inline void check_unmapped_(const char *file, int line, const char *expr,
				   unsigned char *addr, size_t len)
{
	char what[96];

	for (size_t off = 0; off < len; off += page_size) {
		snprintf(what, sizeof(what), "%s, page %zu", expr, off / page_size);
		mmapcts_check_fault_(file, line, what, "read", probe_read(addr + off),
				     addr + off, SIGSEGV, SEGV_MAPERR);
		mmapcts_check_fault_(file, line, what, "write",
				     probe_write(addr + off, 0x5a), addr + off,
				     SIGSEGV, SEGV_MAPERR);
	}
	snprintf(what, sizeof(what), "the last byte of %s", expr);
	mmapcts_check_fault_(file, line, what, "read", probe_read(addr + len - 1),
			     addr + len - 1, SIGSEGV, SEGV_MAPERR);
}

/*
 * A setup check for the cases that map again where they unmapped: every
 * page of [addr, addr + len) must now be a hole (a read faults with
 * SEGV_MAPERR).  Otherwise a MAP_FIXED mapping there would replace the old
 * mapping instead of filling a hole, and the case would not be testing
 * munmap(): UNRESOLVED (removed-pages-fault judges munmap() itself).
 */
static inline void require_hole(const unsigned char *addr, size_t len)
{
	for (size_t off = 0; off < len; off += page_size) {
		struct fault f = probe_read(addr + off);

		if (f.sig != SIGSEGV || f.code != SEGV_MAPERR)
			UNRESOLVED("page %zu of the range is still mapped after munmap() "
				   "(see removed-pages-fault)", off / page_size);
	}
}

/*
 * Pages first .. first+n-1 counted from base are still mapped and still
 * hold the pattern of their offsets from base (pattern_mapping(), lay_out(),
 * or an object mapped from offset 0): each page is probed before its bytes
 * are compared, so a page that went gives a FAIL naming it, not a crash.
 * CHECK_INTACT_SEED: the same for a pattern of another seed.
 */
#define CHECK_INTACT(base, first, n)                                           \
	check_intact_(MMAPCTS_HERE, #base, (base), (first), (n), 0)
#define CHECK_INTACT_SEED(base, first, n, seed)                                \
	check_intact_(MMAPCTS_HERE, #base, (base), (first), (n), (seed))

static inline void check_intact_(const char *file, int line, const char *expr,
				 const unsigned char *base, size_t first, size_t n,
				 unsigned seed)
{
	char what[96];

	for (size_t i = first; i < first + n; i++) {
		const unsigned char *p = base + i * page_size;

		snprintf(what, sizeof(what), "%s, page %zu", expr, i);
		mmapcts_check_fault_(file, line, what, "read", probe_read(p), p, 0, 0);
		mmapcts_check_fault_(file, line, what, "read",
				     probe_read(p + page_size - 1), p + page_size - 1, 0, 0);
		mmapcts_check_pattern_(file, line, what, p, i * page_size, page_size,
				       seed);
	}
}

/*
 * len bytes of the object from offset 0 as the object holds them now, read
 * through fd: with pread() where read() of the backing is defined (file,
 * memfd), through a fresh MAP_SHARED mapping for shm (read() of a shared
 * memory object is unspecified).
 */
static inline const unsigned char *object_now(const struct object *obj, int fd,
					      size_t len)
{
	unsigned char *buf;

	if (!strcmp(obj->backing, "shm"))
		return SAFE_MMAP(NULL, len, PROT_READ, MAP_SHARED, fd, 0);
	buf = scratch(len);
	SAFE_PREAD(fd, buf, len, 0);
	return buf;
}

/*
 * Fork a child that runs fn(map) only after the parent has unmapped
 * [map + off, map + off + len), then wait for it (the child's verdict is
 * the case's).
 */
struct after_unmap_ {
	struct sync s;
	unsigned char *map;
	void (*fn)(unsigned char *map);
};

static inline void after_unmap_child_(void *arg)
{
	struct after_unmap_ *a = arg;

	sync_wait(&a->s);
	a->fn(a->map);
}

static inline void child_after_parent_unmaps(unsigned char *map, size_t off,
					     size_t len, void (*fn)(unsigned char *))
{
	struct after_unmap_ a = { .map = map, .fn = fn };
	pid_t pid;

	sync_init(&a.s);
	pid = start_child(after_unmap_child_, &a);
	SAFE_MUNMAP(map + off, len);
	sync_post(&a.s);
	wait_child(pid);
}

/* The locked memory of the process in bytes (the library's locked_kb()). */
static inline size_t locked_bytes(void)
{
	return (size_t)locked_kb() * 1024;
}

/*
 * mlock() [addr, addr + len) and return the locked bytes of the process
 * from before the lock.  UNSUPPORTED where the system will not lock for
 * this process (RLIMIT_MEMLOCK, no privilege); UNTESTED where VmLck does
 * not grow by len, so it cannot show this lock going away.
 */
static inline size_t lock_counted(void *addr, size_t len)
{
	size_t before = locked_bytes();

	if (mlock(addr, len) < 0) {
		if (errno == EPERM || errno == ENOMEM || errno == EAGAIN)
			UNSUPPORTED("mlock() of %zu bytes refused (%s): RLIMIT_MEMLOCK "
				    "or privilege", len, errno_name(errno));
		UNRESOLVED("mlock() of %zu bytes failed: %s", len, errno_name(errno));
	}
	if (locked_bytes() != before + len)
		UNTESTED("VmLck did not grow by the %zu bytes just locked", len);
	return before;
}

#endif /* MUNMAP_H */
