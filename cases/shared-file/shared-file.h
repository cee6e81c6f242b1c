/*
 * shared-file.h - code several shared-file cases share.  Each helper is
 * the body of a family of cases that differ in one argument; the cases
 * keep the metadata and say which rule their argument checks.
 */
#ifndef SHARED_FILE_H
#define SHARED_FILE_H

#include "mmapcts.h"

/* A flag bit Linux does not define: the generic and x86 flags stop at
 * 0x100000 (alpha's at 0x200000) and the huge page size field starts at
 * 0x4000000.  If a future kernel takes it, the MAP_SHARED_VALIDATE cases
 * need another bit. */
#define UNKNOWN_MAP_FLAG 0x800000

static inline intmax_t timespec_ns(struct timespec ts)
{
	return (intmax_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/*
 * The helpers from here on are called through a macro of their name that
 * passes the case's file and line; inside them MMAPCTS_HERE is those, so a
 * setup call, check or verdict in them names the case's line, never this
 * header's.
 */
#undef MMAPCTS_HERE
#define MMAPCTS_HERE file, line

/* Setup: put the file offset of fd at off (before a read() or write()
 * whose own behaviour is checked; pread() and pwrite() would do, but the
 * fault library bends read() and write()). */
static inline void seek_to_(const char *file, int line, int fd, off_t off)
{
	if (lseek(fd, off, SEEK_SET) != off)
		UNRESOLVED("lseek(fd, %jd, SEEK_SET) failed: %s", (intmax_t)off,
			   errno_name(errno));
}
#define seek_to(...) seek_to_(MMAPCTS_HERE, __VA_ARGS__)

/*
 * Store through a MAP_SHARED PROT_WRITE mapping of a file whose st_mtime
 * was just set far into the past, call msync(flags), and check that
 * st_mtime has moved forward and st_ctime is no earlier than it (both are
 * marked together).  Setting st_mtime back makes the update show as a
 * jump of years, so the case need not wait for a coarse clock to tick;
 * st_ctime cannot be set back (futimens() itself sets it to now).
 *
 * With settled, the page was already stored to and msync(flags)ed once
 * before the times are set back, so the store checked is a later write
 * reference to a page the mapping has written before.
 *
 * The byte is read, then stored, through volatile accesses: two memory
 * references in that order on every machine.  A plain map[0] = ~map[0]
 * compiles to one read-modify-write instruction on x86, which faults as a
 * write, while a load/store machine (or QEMU's TCG) faults on the read
 * first; the verdict must not hang on the compiler's choice.
 */
static inline void check_store_marks_times_(const char *file, int line, int flags,
					    int settled)
{
	static const struct timespec past[2] = {
		{ .tv_sec = 0, .tv_nsec = UTIME_OMIT },	/* st_atime as it is */
		{ .tv_sec = 1000000000, .tv_nsec = 0 },	/* st_mtime in 2001 */
	};
	struct object obj;
	unsigned char *map = SAFE_MAP_PATTERN(NULL, page_size, PROT_READ | PROT_WRITE,
					      MAP_SHARED, &obj);
	struct stat before, after;

	if (settled) {
		map[0] = (unsigned char)~map[0];
		SAFE_MSYNC(map, page_size, flags);
	}
	SAFE_FUTIMENS(obj.fd, past);
	SAFE_FSTAT(obj.fd, &before);

	/* Read first (a read fault maps the page), then store, as a program
	 * that reads before it writes does.  The read is a call: gcc 16 fused
	 * a volatile load and store of one byte into one read-modify-write
	 * instruction (notb), which the CPU faults as a write with no read
	 * fault before it, and the case passed on tmpfs. */
	touch_pages(map, 1);
	volatile unsigned char *byte = map;
	unsigned char seen = *byte;
	*byte = (unsigned char)~seen;
	SAFE_MSYNC(map, page_size, flags);
	SAFE_FSTAT(obj.fd, &after);

	CHECK_GE(after.st_mtime, before.st_mtime + 1);
	CHECK_GE(timespec_ns(after.st_ctim), timespec_ns(after.st_mtim));
}
#define check_store_marks_times(...) check_store_marks_times_(MMAPCTS_HERE, __VA_ARGS__)

/*
 * The two stages of the cases with an unrelated process.  The case's
 * process maps the object MAP_SHARED and reads it; a new process image
 * (forked and re-executed, so it inherits no mapping and shares no memory)
 * opens the object by its name and maps it MAP_SHARED too.  With
 * new_image_stores, the new image stores a second pattern and the case's
 * process, once it has exited, must see it through the mapping it held all
 * along; otherwise the case's process stores and the new image must see
 * the stores.  No msync() anywhere: the two mappings share the object.
 */
static inline void check_shared_with_new_image_(const char *file, int line,
						int new_image_stores)
{
	size_t len = 2 * page_size;
	struct object obj;
	unsigned char *map;

	if (exec_stage()) {
		obj = object_at(exec_arg(), O_RDWR);
		map = SAFE_MMAP(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, obj.fd, 0);
		if (new_image_stores)
			fill_pattern(map, 0, len, 1);
		else
			CHECK_PATTERN_SEED(map, 0, len, 1);
		return;
	}
	map = SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, &obj);
	touch_pages(map, len);
	if (!new_image_stores)
		fill_pattern(map, 0, len, 1);

	wait_child(exec_self_in_child("new-image", obj.path, NULL, NULL));

	if (new_image_stores)
		CHECK_PATTERN_SEED(map, 0, len, 1);
}
#define check_shared_with_new_image(...)                                       \
	check_shared_with_new_image_(MMAPCTS_HERE, __VA_ARGS__)

/*
 * A descriptor open for writing only cannot be mapped with MAP_SHARED,
 * whatever prot asks for: EACCES.
 */
static inline void check_wronly_shared_refused_(const char *file, int line, int prot)
{
	struct object obj = make_object(page_size);
	int fd = reopen_object(&obj, O_WRONLY);

	CHECK_MAP_FAILS(mmap(NULL, page_size, prot, MAP_SHARED, fd, 0), EACCES);
}
#define check_wronly_shared_refused(...)                                       \
	check_wronly_shared_refused_(MMAPCTS_HERE, __VA_ARGS__)

/*
 * A MAP_SHARED mapping of a fresh object with a read-only descriptor,
 * PROT_READ only: what the access-mode cases store to.
 */
static inline unsigned char *map_read_only_shared_(const char *file, int line)
{
	struct object obj = make_object(page_size);
	int fd = reopen_object(&obj, O_RDONLY);

	return CHECK_MAP_OK(mmap(NULL, page_size, PROT_READ, MAP_SHARED, fd, 0));
}
#define map_read_only_shared() map_read_only_shared_(MMAPCTS_HERE)

#undef MMAPCTS_HERE
#define MMAPCTS_HERE __FILE__, __LINE__

#endif /* SHARED_FILE_H */
