/*
 * munmap.h - what the munmap cases share: mappings laid out page by page
 * inside a reservation, an object stored to through a mapping that is then
 * removed, a child that runs after the parent unmaps, and memory locks as
 * /proc shows them.  The checks every munmap case makes (CHECK_UNMAPPED,
 * CHECK_INTACT) are the library's.
 */
#ifndef MUNMAP_H
#define MUNMAP_H

#include "mmapcts.h"

/*
 * The helpers from here on are called through a macro of their name that
 * passes the case's file and line; inside them MMAPCTS_HERE is those, so a
 * setup call, check or verdict in them names the case's line, never this
 * header's.
 */
#undef MMAPCTS_HERE
#define MMAPCTS_HERE file, line

/* Make the variant's object of npages pages into *obj, store the pattern
 * of seed 1 over all of it through a read-write mapping of type MAP_SHARED
 * or MAP_PRIVATE, and unmap that mapping. */
static inline void store_and_unmap_(const char *file, int line, struct object *obj,
				    size_t npages, int type)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, npages * page_size,
					      PROT_READ | PROT_WRITE, type, obj);

	fill_pattern(map, 0, npages * page_size, 1);
	SAFE_MUNMAP(map, npages * page_size);
}
#define store_and_unmap(...) store_and_unmap_(MMAPCTS_HERE, __VA_ARGS__)

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

static inline void child_after_parent_unmaps_(const char *file, int line,
					      unsigned char *map, size_t off, size_t len,
					      void (*fn)(unsigned char *))
{
	struct after_unmap_ a = { .map = map, .fn = fn };
	pid_t pid;

	sync_init(&a.s);
	pid = start_child(after_unmap_child_, &a);
	SAFE_MUNMAP(map + off, len);
	sync_post(&a.s);
	wait_child(pid);
}
#define child_after_parent_unmaps(...)                                         \
	child_after_parent_unmaps_(MMAPCTS_HERE, __VA_ARGS__)

/* The locked memory of the process in bytes (the library's locked_kb()). */
static inline size_t locked_bytes(void)
{
	return (size_t)locked_kb() * 1024;
}

#undef MMAPCTS_HERE
#define MMAPCTS_HERE __FILE__, __LINE__

#endif /* MUNMAP_H */
