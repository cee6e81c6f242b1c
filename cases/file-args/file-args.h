/*
 * file-args.h - what the cases on mmap() arguments and file types share.
 */
#ifndef MMAPCTS_FILE_ARGS_H
#define MMAPCTS_FILE_ARGS_H

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
 * A descriptor that may only read: an object of the case's variant holding
 * len pattern bytes, given mode 0444 and opened again O_RDONLY.  The cases
 * run as root here, and root may open a 0444 file for writing anyway; so
 * the read-only situation rests on the descriptor's open mode, which binds
 * root too (mmap() checks the descriptor, not the file's mode), and the
 * mode makes it the only way in for an ordinary user as well.
 */
static inline int readonly_object_fd_(const char *file, int line, size_t len)
{
	struct object obj = make_object(len);

	if (fchmod(obj.fd, 0444) < 0)
		UNRESOLVED("fchmod(%s object, 0444) failed: %s", obj.backing,
			   errno_name(errno));
	return reopen_object(&obj, O_RDONLY);
}
#define readonly_object_fd(...) readonly_object_fd_(MMAPCTS_HERE, __VA_ARGS__)

/*
 * mmap() of a file of a type that POSIX does not require mmap() to support
 * ("Support for any other type of file is unspecified"): the call either
 * maps it (recorded as "<type>_mappable=yes") or fails with ENODEV, the one
 * errno POSIX gives an unsupported type.  The call is PROT_READ and
 * MAP_SHARED on a descriptor open for reading, so that no other error
 * condition of mmap() applies.
 */
#define CHECK_MAPS_OR_ENODEV(fd, type)                                         \
	CHECK_MAPS_OR_FAILS(mmap(NULL, page_size, PROT_READ, MAP_SHARED, (fd), 0), \
			    page_size, type "_mappable", ENODEV)

static inline void store_pattern_in_child(void *map)
{
	fill_pattern(map, 0, 4 * page_size, 1);
}

/*
 * Four pages of /dev/zero mapped with sharing, every page read (so the
 * pages exist before the fork), then a forked child stores the pattern of
 * seed 1 over all of them and exits.  Returns the mapping, for the parent
 * to look at.
 */
static inline unsigned char *dev_zero_after_child_store_(const char *file, int line,
							 int sharing)
{
	unsigned char *map = SAFE_MAP_DEV_ZERO(NULL, 4 * page_size, PROT_READ | PROT_WRITE,
					       sharing);

	touch_pages(map, 4 * page_size);
	run_in_child(store_pattern_in_child, map);
	return map;
}
#define dev_zero_after_child_store(...)                                        \
	dev_zero_after_child_store_(MMAPCTS_HERE, __VA_ARGS__)
#undef MMAPCTS_HERE
#define MMAPCTS_HERE __FILE__, __LINE__

#endif /* MMAPCTS_FILE_ARGS_H */
