/*
 * private-file.h - code several private-file cases share.  Each helper is
 * the body of a family of cases that differ in one argument; the cases
 * keep the metadata and say which rule their argument checks.
 */
#ifndef PRIVATE_FILE_H
#define PRIVATE_FILE_H

#include "mmapcts.h"

/*
 * The helpers from here on are called through a macro of their name that
 * passes the case's file and line; inside them MMAPCTS_HERE is those, so a
 * setup call, check or verdict in them names the case's line, never this
 * header's.
 */
#undef MMAPCTS_HERE
#define MMAPCTS_HERE file, line

/*
 * Map len bytes of a fresh object of obj_len bytes with MAP_PRIVATE at
 * offset off, and check that every byte of every page the mapping touches
 * (len rounded up to whole pages) can be read and shows the object's bytes
 * from off onwards.  The object must cover those whole pages, so no byte
 * checked lies past its end.
 */
static inline void check_private_shows_(const char *file, int line, size_t obj_len,
					off_t off, size_t len)
{
	size_t whole = (len + page_size - 1) / page_size * page_size;
	struct object obj;
	unsigned char *map;

	if ((size_t)off + whole > obj_len)
		UNRESOLVED("the object (%zu bytes) does not cover the mapping's pages",
			   obj_len);
	obj = make_object(obj_len);
	map = SAFE_MMAP(NULL, len, PROT_READ, MAP_PRIVATE, obj.fd, off);

	CHECK_READ_OK(map + whole - 1);
	CHECK_PATTERN(map, (uint64_t)off, whole);
}
#define check_private_shows(...) check_private_shows_(MMAPCTS_HERE, __VA_ARGS__)

/*
 * Store a second pattern (seed 1) over both pages of a MAP_PRIVATE
 * mapping, call msync(flags) on it, and check that a MAP_SHARED mapping
 * made afterwards - the object itself - still shows the setup's pattern.
 * Returns the private mapping, for a case that records more about it.
 */
static inline unsigned char *check_msync_private_writes_nothing_(const char *file,
								 int line, int flags)
{
	size_t len = 2 * page_size;
	struct object obj = make_object(len);
	unsigned char *priv = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE,
					obj.fd, 0);
	unsigned char *object;

	fill_pattern(priv, 0, len, 1);
	SAFE_MSYNC(priv, len, flags);
	object = SAFE_MMAP(NULL, len, PROT_READ, MAP_SHARED, obj.fd, 0);

	CHECK_PATTERN(object, 0, len);
	return priv;
}
#define check_msync_private_writes_nothing(...)                                \
	check_msync_private_writes_nothing_(MMAPCTS_HERE, __VA_ARGS__)

/*
 * The two stages of the "hidden from an unrelated process" cases.  The
 * case's process stores a second pattern through a MAP_PRIVATE mapping;
 * then a new process image (forked and re-executed, so it shares no
 * memory with the case's process and inherits no mapping) opens the
 * object by its name, maps it with map_type, and must see the object's
 * own bytes.
 */
static inline void check_private_store_hidden_from_new_image_(const char *file, int line,
							      int map_type)
{
	size_t len = 2 * page_size;
	struct object obj;
	unsigned char *map;

	if (exec_stage()) {
		obj = object_at(exec_arg(), O_RDONLY);
		map = SAFE_MMAP(NULL, len, PROT_READ, map_type, obj.fd, 0);
		CHECK_PATTERN(map, 0, len);
		return;
	}
	obj = make_object(len);
	map = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE, obj.fd, 0);
	fill_pattern(map, 0, len, 1);

	wait_child(exec_self_in_child("new-image", obj.path, NULL, NULL));
}
#define check_private_store_hidden_from_new_image(...)                         \
	check_private_store_hidden_from_new_image_(MMAPCTS_HERE, __VA_ARGS__)

/*
 * A descriptor open for writing only cannot be mapped with MAP_PRIVATE,
 * whatever prot asks for: EACCES.
 */
static inline void check_wronly_private_refused_(const char *file, int line, int prot)
{
	struct object obj = make_object(page_size);
	int fd = reopen_object(&obj, O_WRONLY);

	CHECK_MAP_FAILS(mmap(NULL, page_size, prot, MAP_PRIVATE, fd, 0), EACCES);
}
#define check_wronly_private_refused(...)                                      \
	check_wronly_private_refused_(MMAPCTS_HERE, __VA_ARGS__)

/*
 * Which of two states n bytes at addr (object offset off) show: the
 * setup's pattern ("before"), the pattern of seed ("after"), or neither
 * (NULL: a mixture, zeroes, or bytes from elsewhere).
 */
static inline const char *pattern_state(const unsigned char *addr, uint64_t off,
					size_t n, unsigned seed)
{
	int before = 1, after = 1;

	for (size_t i = 0; i < n; i++) {
		before &= addr[i] == pattern_byte(off + i);
		after &= addr[i] == pattern_byte_seed(off + i, seed);
	}
	return before ? "before" : after ? "after" : NULL;
}

/* How a case changes the object behind a private mapping's back. */
enum object_change {
	BY_WRITE,		/* pwrite() to the descriptor */
	BY_SHARED_STORE,	/* stores through a MAP_SHARED mapping */
};

/* Put the pattern of seed into len bytes of the object at offset off. */
static inline void change_object_(const char *file, int line, const struct object *obj,
				  off_t off, size_t len, unsigned seed, enum object_change how)
{
	unsigned char *buf;

	if (how == BY_WRITE) {
		buf = scratch(len);
		fill_pattern(buf, (uint64_t)off, len, seed);
		SAFE_PWRITE(obj->fd, buf, len, off);
		return;
	}
	buf = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, obj->fd, off);
	fill_pattern(buf, (uint64_t)off, len, seed);
	SAFE_MUNMAP(buf, len);
}
#define change_object(...) change_object_(MMAPCTS_HERE, __VA_ARGS__)

/*
 * Change the second page of a two-page object after a writable
 * MAP_PRIVATE mapping of it was made and before anything is stored
 * through it (after reading the page through the mapping if read_first),
 * and return which state the mapping's page shows (pattern_state():
 * "before", "after", or NULL for neither).
 */
static inline const char *change_before_store_(const char *file, int line,
					       enum object_change how, int read_first)
{
	size_t len = 2 * page_size;
	struct object obj = make_object(len);
	unsigned char *priv = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE,
					obj.fd, 0);

	if (read_first)
		touch_pages(priv, len);
	change_object(&obj, (off_t)page_size, page_size, 1, how);
	return pattern_state(priv + page_size, page_size, page_size, 1);
}
#define change_before_store(...) change_before_store_(MMAPCTS_HERE, __VA_ARGS__)

/*
 * change_before_store(), recording as key whether the mapping shows the
 * change.  Whichever it shows, the page must show all of one state: the
 * object's bytes before the change or after it.
 */
static inline void observe_change_before_store_(const char *file, int line,
						enum object_change how, int read_first,
						const char *key)
{
	const char *state = change_before_store(how, read_first);

	if (!state)
		FAIL("the unwritten private page shows neither the object's bytes "
		     "before the change nor after it");
	OBSERVE(key, "%s", !strcmp(state, "after") ? "yes" : "no");
}
#define observe_change_before_store(...)                                       \
	observe_change_before_store_(MMAPCTS_HERE, __VA_ARGS__)

/*
 * Store one byte into a one-page MAP_PRIVATE mapping, then change the
 * whole page of the object: the private page must still hold what it
 * held after the store (the stored byte, and the object's original bytes
 * everywhere else), none of the change.
 */
static inline void check_change_hidden_after_store_(const char *file, int line,
						    enum object_change how)
{
	struct object obj = make_object(page_size);
	unsigned char *priv = SAFE_MMAP(NULL, page_size, PROT_READ | PROT_WRITE,
					MAP_PRIVATE, obj.fd, 0);
	unsigned char stored = (unsigned char)~pattern_byte(0);

	priv[0] = stored;
	change_object(&obj, 0, page_size, 1, how);

	CHECK_EQ(priv[0], stored);
	CHECK_PATTERN(priv + 1, 1, page_size - 1);
}
#define check_change_hidden_after_store(...)                                   \
	check_change_hidden_after_store_(MMAPCTS_HERE, __VA_ARGS__)

#undef MMAPCTS_HERE
#define MMAPCTS_HERE __FILE__, __LINE__

#endif /* PRIVATE_FILE_H */
