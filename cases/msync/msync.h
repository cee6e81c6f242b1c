/*
 * msync.h - code the cases of cases/msync/ share: the mapping kinds their
 * variants name, names for msync() flags, and ranges with a hole.
 */
#ifndef MMAPCTS_MSYNC_H
#define MMAPCTS_MSYNC_H

#include "mmapcts.h"

/* A flag bit no system defines for msync() (Linux, the BSDs, macOS and
 * illumos stop below 0x20). */
#define UNDEFINED_MS_FLAG 0x40000

/* "MS_SYNC|MS_INVALIDATE", "MS_ASYNC|0x40000", "0": flags for messages
 * (size: 64 bytes hold every combination). */
static inline const char *msync_flags_name(int flags, char *buf, size_t size)
{
	static const struct {
		int bit;
		const char *name;
	} names[] = {
		{ MS_SYNC, "MS_SYNC" },
		{ MS_ASYNC, "MS_ASYNC" },
		{ MS_INVALIDATE, "MS_INVALIDATE" },
	};
	size_t used = 0;
	int rest = flags;

	buf[0] = '\0';
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!(flags & names[i].bit))
			continue;
		if (used < size)
			used += (size_t)snprintf(buf + used, size - used, "%s%s",
						 used ? "|" : "", names[i].name);
		rest &= ~names[i].bit;
	}
	if ((rest || !flags) && used < size)
		snprintf(buf + used, size - used, "%s%#x", used ? "|" : "", (unsigned)rest);
	return buf;
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
 * A mapping of len bytes of the kind the variant names: anon-private,
 * anon-shared, file-private, file-shared (PROT_READ|PROT_WRITE), or
 * read-only-private, read-only-shared (a file opened O_RDONLY, mapped
 * PROT_READ).  A writable one holds a second pattern (seed 1) stored
 * through it, so its pages are modified and msync() has something to
 * write; a read-only one holds the file's pattern.
 */
static inline unsigned char *map_kind_(const char *file, int line, size_t len)
{
	const char *kind = variant() ? variant() : "";
	int type = strstr(kind, "-shared") ? MAP_SHARED : MAP_PRIVATE;
	unsigned char *map;

	if (!strncmp(kind, "read-only-", 10)) {
		struct object obj = make_object(len);
		int fd = reopen_object(&obj, O_RDONLY);

		return SAFE_MMAP(NULL, len, PROT_READ, type, fd, 0);
	}
	if (!strncmp(kind, "anon-", 5))
		type |= MAP_ANONYMOUS;
	else if (strncmp(kind, "file-", 5))
		UNRESOLVED("map_kind(): the variant '%s' is no mapping kind", kind);
	map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE, type, NULL);
	fill_pattern(map, 0, len, 1);
	return map;
}
#define map_kind(...) map_kind_(MMAPCTS_HERE, __VA_ARGS__)

/*
 * msync() of a mapping of the variant's kind (two pages, written where
 * writable) returns 0 with each of the n flag values; a FAIL names the
 * flags and the errno.
 */
static inline void check_msync_accepts_(const char *file, int line, const int *flags,
					size_t n)
{
	size_t len = 2 * page_size;
	unsigned char *map = map_kind(len);
	char name[64];

	for (size_t i = 0; i < n; i++)
		if (msync(map, len, flags[i]) != 0)
			FAIL("msync(%s) of the %s mapping failed with %s, expected "
			     "success",
			     msync_flags_name(flags[i], name, sizeof(name)), variant(),
			     errno_name(errno));
}
#define check_msync_accepts(flags)                                             \
	check_msync_accepts_(MMAPCTS_HERE, (flags), sizeof(flags) / sizeof((flags)[0]))

/*
 * A MAP_SHARED PROT_READ|PROT_WRITE mapping of layout: one character a
 * page, 'm' a page of the object (the page at the same offset of a fresh
 * object as long as the layout), '.' a hole with no mapping at all.  The
 * pages are mapped one by one into a reservation, so nothing else can
 * land in the holes.  *obj is the object.
 */
static inline unsigned char *shared_with_holes_(const char *file, int line,
						const char *layout, struct object *obj)
{
	size_t n = strlen(layout);
	unsigned char *base = reserve(n * page_size);

	*obj = make_object(n * page_size);
	for (size_t i = 0; i < n; i++) {
		unsigned char *p = base + i * page_size;

		if (layout[i] == 'm')
			SAFE_MMAP(p, page_size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED,
				  obj->fd, (off_t)(i * page_size));
		else
			SAFE_MUNMAP(p, page_size);
	}
	return base;
}
#define shared_with_holes(...) shared_with_holes_(MMAPCTS_HERE, __VA_ARGS__)

#undef MMAPCTS_HERE
#define MMAPCTS_HERE __FILE__, __LINE__

#endif /* MMAPCTS_MSYNC_H */
