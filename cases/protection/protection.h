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
 * mprotect() for setup.  A protection with PROT_EXEC may be refused for
 * reasons outside the rule under test (POSIX lets an implementation fail
 * with ENOTSUP for a combination it does not support; a security policy
 * may refuse executable memory with EACCES or EPERM): that is UNSUPPORTED.
 * Any other failure is UNRESOLVED, as with SAFE_MPROTECT().
 */
static inline void set_prot(void *addr, size_t len, int prot)
{
	char buf[64];

	if (mprotect(addr, len, prot) == 0)
		return;
	if ((prot & PROT_EXEC) && (errno == ENOTSUP || errno == EACCES || errno == EPERM))
		UNSUPPORTED("mprotect(%s) is refused here: %s",
			    prot_string(prot, buf, sizeof(buf)), errno_name(errno));
	UNRESOLVED("mprotect(%zu bytes, %s) failed: %s", len,
		   prot_string(prot, buf, sizeof(buf)), errno_name(errno));
}

/*
 * npages of private anonymous memory holding the pattern, written while
 * the pages were writable (so they are present and dirty when the
 * protection changes: the kernel has real page table entries to update),
 * then given prot.
 */
static inline unsigned char *filled_pages(size_t npages, int prot)
{
	size_t len = npages * page_size;
	unsigned char *map = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE,
				       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	fill_pattern(map, 0, len, 0);
	if (prot != (PROT_READ | PROT_WRITE))
		set_prot(map, len, prot);
	return map;
}

/* npages filled writable pages, of which page `hole` is then unmapped. */
static inline unsigned char *pages_with_hole(size_t npages, size_t hole)
{
	unsigned char *map = filled_pages(npages, PROT_READ | PROT_WRITE);

	SAFE_MUNMAP(map + hole * page_size, page_size);
	return map;
}

/* Three filled writable pages, of which page `which` is made PROT_READ. */
static inline unsigned char *three_pages_one_read_only(size_t which)
{
	unsigned char *map = filled_pages(3, PROT_READ | PROT_WRITE);

	SAFE_MPROTECT(map + which * page_size, page_size, PROT_READ);
	return map;
}

/*
 * Every page of [map, map + npages pages) except page `skip` takes a store
 * at its first and at its last byte.  (Pass skip >= npages to check all.)
 */
#define CHECK_PAGES_WRITABLE(map, npages, skip)                                \
	check_pages_writable_(MMAPCTS_HERE, (map), (npages), (skip))

static inline void check_pages_writable_(const char *file, int line, unsigned char *map,
					 size_t npages, size_t skip)
{
	char what[64];

	for (size_t i = 0; i < npages; i++) {
		unsigned char *first = map + i * page_size, *last = first + page_size - 1;

		if (i == skip)
			continue;
		snprintf(what, sizeof(what), "the first byte of page %zu of %zu%s", i,
			 npages, skip < npages ? " (another page changed)" : "");
		mmapcts_check_fault_(file, line, what, "write", probe_write(first, 0x11),
				     first, 0, 0);
		snprintf(what, sizeof(what), "the last byte of page %zu of %zu%s", i,
			 npages, skip < npages ? " (another page changed)" : "");
		mmapcts_check_fault_(file, line, what, "write", probe_write(last, 0x22),
				     last, 0, 0);
	}
}

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
 * The first len bytes of an object as the object itself holds them:
 * pread() for a file or a memfd, a fresh MAP_SHARED mapping for a shm
 * object (read() of a shm object is unspecified).
 */
static inline const unsigned char *object_contents(const struct object *obj, size_t len)
{
	if (!strcmp(obj->backing, "shm"))
		return SAFE_MMAP(NULL, len, PROT_READ, MAP_SHARED, obj->fd, 0);
	return read_object(obj, 0, len);
}

/*
 * A PROT_READ mapping (MAP_SHARED or MAP_PRIVATE in flags) of the first
 * page of obj, made through a new descriptor opened O_RDONLY, which is
 * stored at *rdonly.
 */
static inline unsigned char *map_through_rdonly_fd(const struct object *obj, int flags,
						   int *rdonly)
{
	*rdonly = reopen_object(obj, O_RDONLY);
	return SAFE_MMAP(NULL, page_size, PROT_READ, flags, *rdonly, 0);
}

/*
 * A MAP_SHARED mapping of the first len bytes of obj, made through its
 * read-write descriptor and stored to (pattern seed 1) while writable,
 * then made PROT_READ: the object's pages are present and dirty when
 * write access goes away.
 */
static inline unsigned char *shared_stored_then_read_only(const struct object *obj,
							  size_t len)
{
	unsigned char *map = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED,
				       obj->fd, 0);

	fill_pattern(map, 0, len, 1);
	SAFE_MPROTECT(map, len, PROT_READ);
	return map;
}

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
