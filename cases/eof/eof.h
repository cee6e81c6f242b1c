/*
 * eof.h - what the end-of-file cases share.
 *
 * The usual object holds eof_size() bytes: one whole page and a partial
 * second page, so a two-page mapping has a tail past end-of-file (from
 * eof_size() to 2 * page_size) and a longer mapping has pages wholly past
 * end-of-file from its third page on.  The size is odd, so a kernel that
 * rounds the end to a word or a block shows.
 */
#ifndef MMAPCTS_EOF_H
#define MMAPCTS_EOF_H

#include "mmapcts.h"

static inline size_t eof_size(void)
{
	return page_size + page_size / 2 + 1;
}

/* The bytes of the second page past end-of-file. */
static inline size_t eof_tail(void)
{
	return 2 * page_size - eof_size();
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
 * The usual object (eof_size() bytes) mapped for len bytes from offset 0
 * with prot and flags; *obj, unless obj is NULL, is the object.
 */
static inline unsigned char *map_eof_object_(const char *file, int line,
					     struct object *obj, size_t len, int prot,
					     int flags)
{
	struct object made = make_object(eof_size());

	if (obj)
		*obj = made;
	return SAFE_MMAP(NULL, len, prot, flags, made.fd, 0);
}
#define map_eof_object(...) map_eof_object_(MMAPCTS_HERE, __VA_ARGS__)

/* The first page wholly past end-of-file (the third page) of a three-page
 * MAP_SHARED mapping of the usual object, mapped with prot. */
static inline unsigned char *page_past_eof_(const char *file, int line, int prot)
{
	return map_eof_object(NULL, 3 * page_size, prot, MAP_SHARED) + 2 * page_size;
}
#define page_past_eof(...) page_past_eof_(MMAPCTS_HERE, __VA_ARGS__)

/*
 * SIGBUS deliveries counted from sigbus_count_start() on: for the cases
 * whose rule is that a system call reports EFAULT instead of signalling.
 * The handler returns, so it must only ever see a SIGBUS raised for a
 * system call (never for a fault of the case's own code).
 */
static inline volatile sig_atomic_t *sigbus_count(void)
{
	static volatile sig_atomic_t count;

	return &count;
}

static inline void eof_on_sigbus(int sig)
{
	(void)sig;
	(*sigbus_count())++;
}

static inline void sigbus_count_start_(const char *file, int line)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = eof_on_sigbus;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGBUS, &sa, NULL) < 0)
		UNRESOLVED("sigaction(SIGBUS) failed: %s", errno_name(errno));
	*sigbus_count() = 0;
}
#define sigbus_count_start() sigbus_count_start_(MMAPCTS_HERE)

/*
 * An object of len pattern bytes, mapped MAP_SHARED for reading (every
 * page touched), then cut with ftruncate() to eof_size() (the middle of
 * its second page) and grown back to len, the mapping in place all the
 * while.  Returns the mapping; *obj, unless obj is NULL, is the object.
 */
static inline unsigned char *shrunk_and_grown_(const char *file, int line,
					       struct object *obj, size_t len)
{
	struct object made = make_object(len);
	unsigned char *map = SAFE_MMAP(NULL, len, PROT_READ, MAP_SHARED, made.fd, 0);

	touch_pages(map, len);
	SAFE_FTRUNCATE(made.fd, (off_t)eof_size());
	SAFE_FTRUNCATE(made.fd, (off_t)len);
	if (obj)
		*obj = made;
	return map;
}
#define shrunk_and_grown(...) shrunk_and_grown_(MMAPCTS_HERE, __VA_ARGS__)

/*
 * An object of eof_size() bytes with a two-page MAP_SHARED read-write
 * mapping whose tail past end-of-file has been overwritten with the
 * pattern of seed 1.  Returns the mapping; *obj is the object.
 */
static inline unsigned char *shared_tail_stored_(const char *file, int line,
						 struct object *obj)
{
	unsigned char *map;

	*obj = make_object(eof_size());
	map = SAFE_MMAP(NULL, 2 * page_size, PROT_READ | PROT_WRITE, MAP_SHARED,
			obj->fd, 0);
	fill_pattern(map + eof_size(), eof_size(), eof_tail(), 1);
	return map;
}
#define shared_tail_stored(...) shared_tail_stored_(MMAPCTS_HERE, __VA_ARGS__)

/* 4 GiB and one page: an offset that does not fit in 32 bits. */
static inline off_t offset_above_4gib_(const char *file, int line)
{
	if (sizeof(off_t) < 8)
		UNSUPPORTED("off_t is %zu bits here: no offset above 4 GiB can be given",
			    8 * sizeof(off_t));
	return (off_t)(((uint64_t)1 << 32) + page_size);
}
#define offset_above_4gib() offset_above_4gib_(MMAPCTS_HERE)
#undef MMAPCTS_HERE
#define MMAPCTS_HERE __FILE__, __LINE__

#endif /* MMAPCTS_EOF_H */
