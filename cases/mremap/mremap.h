/*
 * mremap.h - what the mremap cases share: a mapping of the variant's
 * backing holding the pattern, with free room or a neighbour after it (so
 * a growth can happen in place, or must fail or move), pages laid out one
 * by one in a reservation, and the check of the part a mapping grew by.
 *
 * The backings: anon and dev-zero are private anonymous memory (a shared
 * anonymous mapping cannot grow: shared-anon-grown-past-object-sigbus),
 * file, shm and memfd are MAP_SHARED mappings of an object longer than the
 * mapping, so the pages it grows into show the object's pattern.
 */
#ifndef MREMAP_H
#define MREMAP_H

#include "mmapcts.h"

/* Is the variant's backing anonymous memory (anon, dev-zero, or none)? */
static inline int backing_is_anon(void)
{
	return !variant() || variant_is("anon") || variant_is("dev-zero");
}

/* The mapping type of the variant: MAP_PRIVATE for anonymous memory,
 * MAP_SHARED for an object. */
static inline int backing_type(void)
{
	return backing_is_anon() ? MAP_PRIVATE : MAP_SHARED;
}

/*
 * The helpers from here on are called through a macro of their name that
 * passes the case's file and line; inside them MMAPCTS_HERE is those, so a
 * setup call, check or verdict in them names the case's line, never this
 * header's.
 */
#undef MMAPCTS_HERE
#define MMAPCTS_HERE file, line

/*
 * npages read-write pages of the variant's backing (backing_type()) at
 * addr (MAP_FIXED there; NULL: anywhere), holding the pattern of their
 * offsets; an object is objpages pages of pattern long.
 */
static inline unsigned char *map_backing_(const char *file, int line, void *addr,
					  size_t npages, size_t objpages)
{
	int flags = backing_type() | (addr ? MAP_FIXED : 0);
	struct object obj;

	if (backing_is_anon())
		return SAFE_MAP_PATTERN(addr, npages * page_size, PROT_READ | PROT_WRITE,
					flags, NULL);
	obj = make_object(objpages * page_size);
	return SAFE_MAP_OBJECT(addr, npages * page_size, PROT_READ | PROT_WRITE, flags,
			       &obj, 0);
}
#define map_backing(...) map_backing_(MMAPCTS_HERE, __VA_ARGS__)

/* map_backing() of npages at the start of a fresh reservation of npages +
 * room pages, whose last room pages are then a hole nothing else maps. */
static inline unsigned char *map_with_room_(const char *file, int line, size_t npages,
					    size_t room, size_t objpages)
{
	unsigned char *base = reserve((npages + room) * page_size);

	SAFE_MUNMAP(base + npages * page_size, room * page_size);
	return map_backing_(file, line, base, npages, objpages);
}
#define map_with_room(...) map_with_room_(MMAPCTS_HERE, __VA_ARGS__)

/* map_backing() of npages followed at once by a neighbour: npages of
 * private anonymous memory holding the pattern of seed 1, read-only (so it
 * never merges with the mapping).  A growth to twice the size stays inside
 * the case's own memory even where a broken kernel does it. */
static inline unsigned char *map_with_neighbour_(const char *file, int line, size_t npages,
						 size_t objpages)
{
	size_t len = npages * page_size;
	unsigned char *base = reserve(2 * len), *next = base + len;

	SAFE_MAP_ANON(next, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED);
	fill_pattern(next, 0, len, 1);
	SAFE_MPROTECT(next, len, PROT_READ);
	return map_backing_(file, line, base, npages, objpages);
}
#define map_with_neighbour(...) map_with_neighbour_(MMAPCTS_HERE, __VA_ARGS__)

/* The neighbour of map_with_neighbour(map, npages, ...) is still there and
 * holds its own bytes. */
#define CHECK_NEIGHBOUR(map, npages)                                           \
	CHECK_INTACT_SEED((map) + (npages) * page_size, 0, (npages), 1)

/*
 * Pages first .. first+n-1 of a mapping of map_backing() that grew into
 * them: zero for anonymous memory, the object's pattern for an object.
 */
static inline void check_grown_(const char *file, int line, const char *expr,
				const unsigned char *map, size_t first, size_t n)
{
	touch_pages(map + first * page_size, n * page_size);
	if (backing_is_anon())
		mmapcts_check_zero_(file, line, expr, map + first * page_size,
				    n * page_size);
	else
		mmapcts_check_pattern_(file, line, expr, map + first * page_size,
				       first * page_size, n * page_size, 0);
}
#define CHECK_GROWN(map, first, n) check_grown_(MMAPCTS_HERE, #map, (map), (first), (n))

/*
 * lay_out_cut(): unlike lay_out() (lib/), one mapping of private
 * anonymous read-write memory holding the pattern of offsets from the
 * first page, then cut: 'r' pages are made read-only (split off by their
 * protection), '.' pages are unmapped (holes), 'm' pages stay.
 */
static inline unsigned char *lay_out_cut_(const char *file, int line, const char *pages)
{
	size_t n = strlen(pages);
	unsigned char *base = SAFE_MAP_PATTERN(reserve(n * page_size), n * page_size,
					       PROT_READ | PROT_WRITE,
					       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, NULL);

	for (size_t i = 0; i < n; i++)
		if (pages[i] == 'r')
			SAFE_MPROTECT(base + i * page_size, page_size, PROT_READ);
		else if (pages[i] == '.')
			SAFE_MUNMAP(base + i * page_size, page_size);
	return base;
}
#define lay_out_cut(...) lay_out_cut_(MMAPCTS_HERE, __VA_ARGS__)

/*
 * mremap(src, len, len, MREMAP_MAYMOVE|MREMAP_DONTUNMAP), and with fixed
 * also MREMAP_FIXED onto a fresh mapping holding the pattern of seed 1.
 * The call must move the contents (the pattern of src) to an address other
 * than src, new_address with MREMAP_FIXED; that address is returned.
 * EINVAL is FEATURE_REFUSED(feature, since): the kernel may be too old.
 */
static inline unsigned char *dontunmap_move_(const char *file, int line, unsigned char *src,
					     size_t len, int fixed, const char *feature,
					     const char *since)
{
	int flags = MREMAP_MAYMOVE | MREMAP_DONTUNMAP | (fixed ? MREMAP_FIXED : 0);
	unsigned char *dest = NULL, *moved;

	if (fixed) {
		dest = SAFE_MAP_ANON(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE);
		fill_pattern(dest, 0, len, 1);
	}
	moved = mremap(src, len, len, flags, dest);
	if (moved == MAP_FAILED && errno == EINVAL)
		FEATURE_REFUSED(feature, since, errno);
	if (moved == MAP_FAILED)
		FAIL("mremap() with MREMAP_DONTUNMAP%s failed: %s",
		     fixed ? "|MREMAP_FIXED" : "", errno_name(errno));
	if (fixed && moved != dest)
		FAIL("mremap() with MREMAP_DONTUNMAP|MREMAP_FIXED returned another "
		     "address than new_address");
	if (moved == src)
		FAIL("mremap() with MREMAP_DONTUNMAP%s returned old_address: nothing "
		     "moved", fixed ? "|MREMAP_FIXED" : "");
	CHECK_INTACT(moved, 0, len / page_size);
	return moved;
}
#define dontunmap_move(...) dontunmap_move_(MMAPCTS_HERE, __VA_ARGS__)

/* How many mappings /proc/self/maps shows over [map, map + len); the
 * layout (range_layout()) into buf. */
static inline int count_mappings(const void *map, size_t len, char *buf, size_t n)
{
	int count = 0;

	range_layout(map, len, buf, n);
	for (const char *s = buf; *s; s++)
		count += *s == ';';
	return buf[0] ? count + 1 : 0;
}

#undef MMAPCTS_HERE
#define MMAPCTS_HERE __FILE__, __LINE__

#endif /* MREMAP_H */
