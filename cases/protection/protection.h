/*
 * protection.h - code shared by the cases of cases/protection/: memory
 * set up the way the protection cases need it (pattern-filled pages given
 * a protection after they were written, pages with a hole).  Running code
 * (function_page(), probe_call(), CHECK_CALL_*) and the Linux-only steps
 * (noexec_tmpfs(), write_sealed_memfd()) are the library's: lib/mmapcts.h.
 */
#ifndef MMAPCTS_PROTECTION_H
#define MMAPCTS_PROTECTION_H

#include "mmapcts.h"

/* ------------------------------------------------------------------------
 * Memory.
 * ------------------------------------------------------------------------ */

/*
 * The helpers from here on are called through a macro of their name that
 * passes the case's file and line; inside them MMAPCTS_HERE is those, so a
 * setup call, check or verdict in them names the case's line, never this
 * header's.
 */
#undef MMAPCTS_HERE
#define MMAPCTS_HERE file, line

/* How many mappings of /proc/self/maps overlap [addr, addr + len), for a
 * check of how mprotect() split or merged them (UNTESTED without it). */
static inline int mappings_over_(const char *file, int line, const void *addr, size_t len)
{
	struct maps_iter it;
	struct maps_entry e;
	uintptr_t lo = (uintptr_t)addr, hi = lo + len;
	int n = 0;

	if (maps_open(&it) < 0)
		UNTESTED("no /proc/self/maps: how the range is split cannot be seen");
	while (maps_next(&it, &e))
		n += e.start < hi && e.end > lo;
	maps_close(&it);
	return n;
}
#define mappings_over(...) mappings_over_(MMAPCTS_HERE, __VA_ARGS__)

/* npages filled writable pages, of which page `hole` is then unmapped. */
static inline unsigned char *pages_with_hole_(const char *file, int line, size_t npages,
					      size_t hole)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, npages * page_size,
					      PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	SAFE_MUNMAP(map + hole * page_size, page_size);
	return map;
}
#define pages_with_hole(...) pages_with_hole_(MMAPCTS_HERE, __VA_ARGS__)

/* Three filled writable pages, of which page `which` is made PROT_READ. */
static inline unsigned char *three_pages_one_read_only_(const char *file, int line,
							size_t which)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, 3 * page_size, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, NULL);

	SAFE_MPROTECT(map + which * page_size, page_size, PROT_READ);
	return map;
}
#define three_pages_one_read_only(...)                                         \
	three_pages_one_read_only_(MMAPCTS_HERE, __VA_ARGS__)

/*
 * Map two pages (flags, fd, offset 0; fd -1 with MAP_ANONYMOUS), store a
 * new pattern (seed 1) into them, take all access away with PROT_NONE,
 * give read and write back, and check that the pattern is still there:
 * mprotect() changes access, never contents.
 */
#define CHECK_SURVIVES_PROT_NONE(flags, fd)                                    \
	check_survives_prot_none_(MMAPCTS_HERE, (flags), (fd))

static inline void check_survives_prot_none_(const char *file, int line, int flags, int fd)
{
	size_t len = 2 * page_size;
	unsigned char *map = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, flags, fd, 0);
	char what[80], names[48];

	fill_pattern(map, 0, len, 1);
	SAFE_MPROTECT(map, len, PROT_NONE);
	SAFE_MPROTECT(map, len, PROT_READ | PROT_WRITE);
	snprintf(what, sizeof(what), "the %s mapping",
		 map_flags_string(flags, names, sizeof(names)));
	mmapcts_check_pattern_(file, line, what, map, 0, len, 1);
	SAFE_MUNMAP(map, len);
}

/*
 * A PROT_READ mapping (MAP_SHARED or MAP_PRIVATE in flags) of the first
 * page of obj, made through a new descriptor opened O_RDONLY, which is
 * stored at *rdonly.
 */
static inline unsigned char *map_through_rdonly_fd_(const char *file, int line,
						    const struct object *obj, int flags,
						    int *rdonly)
{
	*rdonly = reopen_object(obj, O_RDONLY);
	return SAFE_MMAP(NULL, page_size, PROT_READ, flags, *rdonly, 0);
}
#define map_through_rdonly_fd(...) map_through_rdonly_fd_(MMAPCTS_HERE, __VA_ARGS__)

/*
 * A MAP_SHARED mapping of the first len bytes of obj, made through its
 * read-write descriptor and stored to (pattern seed 1) while writable,
 * then made PROT_READ: the object's pages are present and dirty when
 * write access goes away.
 */
static inline unsigned char *shared_stored_then_read_only_(const char *file, int line,
							   const struct object *obj,
							   size_t len)
{
	unsigned char *map = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED,
				       obj->fd, 0);

	fill_pattern(map, 0, len, 1);
	SAFE_MPROTECT(map, len, PROT_READ);
	return map;
}
#define shared_stored_then_read_only(...)                                      \
	shared_stored_then_read_only_(MMAPCTS_HERE, __VA_ARGS__)
#undef MMAPCTS_HERE
#define MMAPCTS_HERE __FILE__, __LINE__

/*
 * A read of addr where the protection does not grant PROT_READ but an
 * implementation "may permit accesses other than those specified": the
 * read either completes and returns expected, or raises SIGSEGV with
 * si_code code1 or code2 and si_addr in the page.  Which of the two is
 * recorded as the observation key (permitted, or the signal and code).
 */
#define CHECK_READ_PERMITTED_OR_REFUSED(key, addr, expected, code1, code2)     \
	check_read_permitted_or_refused_(MMAPCTS_HERE, (key), #addr, (addr),   \
					 (expected), (code1), (code2))

static inline void check_read_permitted_or_refused_(const char *file, int line,
						    const char *key, const char *expr,
						    const unsigned char *addr,
						    unsigned char expected, int code1,
						    int code2)
{
	struct fault f = probe_read(addr);

	if (!f.sig) {
		mmapcts_check_cmp_(file, line, "==", "the byte read", f.value,
				   "the byte stored", expected);
		OBSERVE(key, "permitted");
		return;
	}
	mmapcts_check_fault_(file, line, expr, "read", f, addr, SIGSEGV,
			     f.code == code2 ? code2 : code1);
	OBSERVE(key, "refused by %s/%s", signal_name(f.sig), si_code_name(f.sig, f.code));
}

#endif /* MMAPCTS_PROTECTION_H */
