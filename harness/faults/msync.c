/*
 * msync.c - faults of the msync group (their list: MMAPCTS_FAULTS_MSYNC in
 * faults.h): the arguments msync() checks, and what it does to the pages.
 * The faults on copies build on writeback-on-sync-only (mmap-file.c): its
 * shared file mappings are private copies read at mmap() and written back
 * at msync() or munmap(), so what msync() does to the object shows.
 */
#include "config.h"

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

static int fail_with(int err)
{
	errno = err;
	return -1;
}

/* ------------------------------------------------------ argument checks */
static int sync_async_ok_msync(void *addr, size_t len, int flags)
{
	if ((flags & MS_SYNC) && (flags & MS_ASYNC))
		flags &= ~MS_ASYNC;
	return real_msync(addr, len, flags);
}
FAULT(MSYNC_SYNC_ASYNC_OK, .msync = sync_async_ok_msync);

static int unknown_flags_ok_msync(void *addr, size_t len, int flags)
{
	return real_msync(addr, len, flags & (MS_SYNC | MS_ASYNC | MS_INVALIDATE));
}
FAULT(MSYNC_UNKNOWN_FLAGS_OK, .msync = unknown_flags_ok_msync);

/* Where the kernel refused an unaligned address, the page it is in. */
static int unaligned_ok_msync(void *addr, size_t len, int flags)
{
	size_t skew = (uintptr_t)addr % pg;
	int r = real_msync(addr, len, flags);

	if (r < 0 && errno == EINVAL && skew)
		r = real_msync((char *)addr - skew, len + skew, flags);
	return r;
}
FAULT(MSYNC_UNALIGNED_OK, .msync = unaligned_ok_msync);

static int partial_length_einval_msync(void *addr, size_t len, int flags)
{
	if (len % pg)
		return fail_with(EINVAL);
	return real_msync(addr, len, flags);
}
FAULT(MSYNC_PARTIAL_LENGTH_EINVAL, .msync = partial_length_einval_msync);

static int length_rounded_down_msync(void *addr, size_t len, int flags)
{
	len -= len % pg;
	return len ? real_msync(addr, len, flags) : 0;
}
FAULT(MSYNC_LENGTH_ROUNDED_DOWN, .msync = length_rounded_down_msync);

/* The mapping at addr looked up before the length is looked at. */
static int zero_length_enomem_msync(void *addr, size_t len, int flags)
{
	if (!len && !((uintptr_t)addr % pg) && real_msync(addr, pg, MS_ASYNC) < 0 &&
	    errno == ENOMEM)
		return -1;
	return real_msync(addr, len, flags);
}
FAULT(MSYNC_ZERO_LENGTH_ENOMEM, .msync = zero_length_enomem_msync);

static int no_sync_flag_einval_msync(void *addr, size_t len, int flags)
{
	if (!(flags & (MS_SYNC | MS_ASYNC)))
		return fail_with(EINVAL);
	return real_msync(addr, len, flags);
}
FAULT(MSYNC_NO_SYNC_FLAG_EINVAL, .msync = no_sync_flag_einval_msync);

static int invalidate_einval_msync(void *addr, size_t len, int flags)
{
	if (flags & MS_INVALIDATE)
		return fail_with(EINVAL);
	return real_msync(addr, len, flags);
}
FAULT(MSYNC_INVALIDATE_EINVAL, .msync = invalidate_einval_msync);

/* Only mappings of files are looked up: anonymous memory is "not mapped". */
static int anon_enomem_msync(void *addr, size_t len, int flags)
{
	struct tracked *t = find_tracked((uintptr_t)addr);

	if (len && t && t->fd < 0)
		return fail_with(ENOMEM);
	return real_msync(addr, len, flags);
}
FAULT(MSYNC_ANON_ENOMEM, .msync = anon_enomem_msync);

/* ------------------------------------------------- errors of the range */
static int hole_ok_msync(void *addr, size_t len, int flags)
{
	int r = real_msync(addr, len, flags);

	return r < 0 && errno == ENOMEM ? 0 : r;
}
FAULT(MSYNC_HOLE_OK, .msync = hole_ok_msync);

static int invalidate_ignores_locks_msync(void *addr, size_t len, int flags)
{
	int r = real_msync(addr, len, flags);

	if (r < 0 && errno == EBUSY && (flags & MS_INVALIDATE))
		r = real_msync(addr, len, flags & ~MS_INVALIDATE);
	return r;
}
FAULT(MSYNC_IGNORES_LOCKS, .msync = invalidate_ignores_locks_msync);

/* ------------------------------------------- shared mappings as copies */
#define COPIES fault_WRITEBACK_ON_SYNC_ONLY

static int copies_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	return COPIES.mmap_when(addr, len, prot, flags, fd, off);
}
static void *copies_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	return COPIES.mmap_file(addr, len, prot, flags, fd, off);
}
static int copies_munmap(void *addr, size_t len)
{
	return COPIES.munmap(addr, len);
}

/* msync() of the copies does nothing: they reach the file at munmap() only. */
static int copies_unsynced_msync(void *addr, size_t len, int flags)
{
	return real_msync(addr, len, flags);
}
FAULT(MSYNC_COPIES_UNSYNCED, .mmap_when = copies_when, .mmap_file = copies_mmap,
      .msync = copies_unsynced_msync, .munmap = copies_munmap);

/* A range with a hole is refused before anything is written back. */
static int copies_hole_stops_msync(void *addr, size_t len, int flags)
{
	uintptr_t a = (uintptr_t)addr;

	if (len && !(a % pg) && real_msync(addr, round_up(len), MS_ASYNC) < 0 &&
	    errno == ENOMEM)
		return -1;
	return COPIES.msync(addr, len, flags);
}
FAULT(MSYNC_COPIES_HOLE_STOPS, .mmap_when = copies_when, .mmap_file = copies_mmap,
      .msync = copies_hole_stops_msync, .munmap = copies_munmap);

/* MS_INVALIDATE reads the copies of [a, a + len) from their files again,
 * over whatever was stored in them, without writing them back first. */
static void reread(uintptr_t a, size_t len)
{
	for (int i = 0; i < ntracked; i++) {
		struct tracked *t = &tracked[i];
		if (t->fd < 0 || !(t->flags & MAP_SHARED) || !(t->prot & PROT_WRITE))
			continue;
		uintptr_t lo = a > t->addr ? a : t->addr;
		uintptr_t hi = a + len < t->addr + t->len ? a + len : t->addr + t->len;
		if (lo >= hi)
			continue;
		if (pread(t->fd, (void *)lo, hi - lo, t->off + (off_t)(lo - t->addr)) < 0) {
			/* as lossy as the emulation it imitates */
		}
	}
}

static int copies_invalidate_discards_msync(void *addr, size_t len, int flags)
{
	if (!(flags & MS_INVALIDATE))
		return COPIES.msync(addr, len, flags);
	reread((uintptr_t)addr, round_up(len));
	return real_msync(addr, len, flags);
}
FAULT(MSYNC_INVALIDATE_DISCARDS, .mmap_when = copies_when, .mmap_file = copies_mmap,
      .msync = copies_invalidate_discards_msync, .munmap = copies_munmap);

/* ------------------------------------------ private mappings as copies */
/* MAP_PRIVATE file mappings are copies read at mmap(); nothing reads the
 * file into them again, MS_INVALIDATE included. */
static int private_copies_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	struct stat st;

	(void)addr, (void)len, (void)prot, (void)off;
	return (flags & MAP_KIND) == MAP_PRIVATE && is_file(flags, fd) && fstat(fd, &st) == 0 &&
	       S_ISREG(st.st_mode);
}

/* The copy is writeback-on-sync-only's, made read-only so that nothing
 * asks for a writable descriptor, then given prot; the books keep the
 * mapping private, so nothing writes it back. */
static void *private_copies_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	void *p = COPIES.mmap_file(addr, len, prot & ~PROT_WRITE,
				   (flags & ~MAP_KIND) | MAP_SHARED, fd, off);

	if (p != MAP_FAILED && (prot & PROT_WRITE))
		real_mprotect(p, len, prot);
	return p;
}
FAULT(MSYNC_PRIVATE_COPIES_STALE, .mmap_when = private_copies_when,
      .mmap_file = private_copies_mmap);

/* ---------------------------------------------------------- file times */
/* A reference through a mapping never marks st_atime: what mmap() marked
 * is put back as it was before the call. */
static void *no_atime_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	struct stat st;
	int known = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
	void *p = real_mmap(addr, len, prot, flags, fd, off);

	if (p != MAP_FAILED && known) {
		struct timespec times[2] = { st.st_atim, { .tv_sec = 0, .tv_nsec = UTIME_OMIT } };
		if (futimens(fd, times) < 0) {
			/* the time stays marked: the fault misses, the case passes */
		}
	}
	return p;
}
FAULT(MAPPING_NO_ATIME, .mmap_file = no_atime_mmap);
