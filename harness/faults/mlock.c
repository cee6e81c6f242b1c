/*
 * mlock.c - faults in memory locking.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

/* Linux's names; 0 where they are missing, so their faults change nothing. */
#ifndef MAP_LOCKED
#define MAP_LOCKED 0
#endif
#ifndef MCL_ONFAULT
#define MCL_ONFAULT 0
#endif
#ifndef MLOCK_ONFAULT
#define MLOCK_ONFAULT 0
#endif

/* mlock-noop: the call succeeds and the pages stay as unlocked as they were. */
static int mlock_noop(const void *addr, size_t len)
{
	(void)addr;
	(void)len;
	return 0;
}
FAULT(MLOCK_NOOP, .mlock = mlock_noop);

/* mlockall-future-ignored: MCL_FUTURE dropped, as by a libc that passes
 * only the flags it knows from an older kernel. */
static int mlockall_future_ignored(int flags)
{
	flags &= ~MCL_FUTURE;
	return flags ? real_mlockall(flags) : 0;
}
FAULT(MLOCKALL_FUTURE_IGNORED, .mlockall = mlockall_future_ignored);

/* munlock-noop: the call succeeds and the locks stay. */
static int munlock_noop(const void *addr, size_t len)
{
	(void)addr;
	(void)len;
	return 0;
}
FAULT(MUNLOCK_NOOP, .munlock = munlock_noop);

/* munlock-whole-mapping: a kernel that clears the lock on the whole VMA
 * instead of splitting it at the range's ends. */
static int munlock_whole_mapping(const void *addr, size_t len)
{
	struct tracked *t = find_tracked((uintptr_t)addr);

	if (t)
		return real_munlock((void *)t->addr, t->len);
	return real_munlock(addr, len);
}
FAULT(MUNLOCK_WHOLE_MAPPING, .munlock = munlock_whole_mapping);

/* nested-locks-counted: a count per locked range, as the case gave it;
 * munlock() unlocks only when the count drops to zero. */
#define MAX_NESTED 32
static struct {
	uintptr_t addr;
	size_t len;
	int count;
} nested[MAX_NESTED];

static int nested_find(const void *addr, size_t len)
{
	for (int i = 0; i < MAX_NESTED; i++)
		if (nested[i].count && nested[i].addr == (uintptr_t)addr && nested[i].len == len)
			return i;
	return -1;
}

static int nested_mlock(const void *addr, size_t len)
{
	int r = real_mlock(addr, len), i;

	if (r == 0) {
		if ((i = nested_find(addr, len)) >= 0) {
			nested[i].count++;
			return r;
		}
		for (i = 0; i < MAX_NESTED && nested[i].count; i++)
			;
		if (i < MAX_NESTED) {
			nested[i].addr = (uintptr_t)addr;
			nested[i].len = len;
			nested[i].count = 1;
		}
	}
	return r;
}

static int nested_munlock(const void *addr, size_t len)
{
	int i = nested_find(addr, len);

	if (i >= 0 && --nested[i].count > 0)
		return 0;
	return real_munlock(addr, len);
}
FAULT(NESTED_LOCKS_COUNTED, .mlock = nested_mlock, .munlock = nested_munlock);

/* munlock-unlocked-refused: no lock the case asked for in the range, and
 * no mlockall(): ENOMEM, as if unlocked memory were not there. */
static int munlock_unlocked_refused(const void *addr, size_t len)
{
	if (!lockall_flags && !ranges_overlap(&locked, (uintptr_t)addr, len)) {
		errno = ENOMEM;
		return -1;
	}
	return real_munlock(addr, len);
}
FAULT(MUNLOCK_UNLOCKED_REFUSED, .munlock = munlock_unlocked_refused);

/* lock-holes-ignored: the mapped parts are locked or unlocked (the real
 * call does that much) and the ENOMEM for the hole is lost. */
static int mlock_holes_ignored(const void *addr, size_t len)
{
	int r = real_mlock(addr, len);

	return r < 0 && errno == ENOMEM ? 0 : r;
}

static int munlock_holes_ignored(const void *addr, size_t len)
{
	int r = real_munlock(addr, len);

	return r < 0 && errno == ENOMEM ? 0 : r;
}
FAULT(LOCK_HOLES_IGNORED, .mlock = mlock_holes_ignored, .munlock = munlock_holes_ignored);

/* lock-wrap-accepted: the end computed with wrap-around, the range taken
 * for empty. */
static int wraps(const void *addr, size_t len)
{
	return (uintptr_t)addr + len < (uintptr_t)addr;
}

static int mlock_wrap_accepted(const void *addr, size_t len)
{
	return wraps(addr, len) ? 0 : real_mlock(addr, len);
}

static int munlock_wrap_accepted(const void *addr, size_t len)
{
	return wraps(addr, len) ? 0 : real_munlock(addr, len);
}
FAULT(LOCK_WRAP_ACCEPTED, .mlock = mlock_wrap_accepted, .munlock = munlock_wrap_accepted);

/* prot-none-lock-refused: a range the case mapped or protected PROT_NONE
 * is refused before anything is locked. */
static int prot_none_lock_refused(const void *addr, size_t len)
{
	struct tracked *t = find_tracked((uintptr_t)addr);

	if (t && t->prot == PROT_NONE) {
		errno = ENOMEM;
		return -1;
	}
	return real_mlock(addr, len);
}
FAULT(PROT_NONE_LOCK_REFUSED, .mlock = prot_none_lock_refused);

/* mlock-no-populate: mlock() done as mlock2(MLOCK_ONFAULT). */
static int mlock_no_populate(const void *addr, size_t len)
{
	if (!real_mlock2)
		return real_mlock(addr, len);
	return real_mlock2(addr, len, MLOCK_ONFAULT);
}
FAULT(MLOCK_NO_POPULATE, .mlock = mlock_no_populate);

/* mlock-ignores-rlimit: a refusal the limit explains (EPERM at 0, ENOMEM
 * for a range larger than the limit) turned into success. */
static int mlock_ignores_rlimit(const void *addr, size_t len)
{
	struct rlimit rl;
	int r = real_mlock(addr, len);

	if (r < 0 && (errno == EPERM || errno == ENOMEM) &&
	    getrlimit(RLIMIT_MEMLOCK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
	    rl.rlim_cur < round_up(len))
		return 0;
	return r;
}
FAULT(MLOCK_IGNORES_RLIMIT, .mlock = mlock_ignores_rlimit);

/* map-locked-ignored: the flag dropped on the way to the kernel. */
static int map_locked_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr;
	(void)len;
	(void)prot;
	(void)fd;
	(void)off;
	return MAP_LOCKED && (flags & MAP_LOCKED);
}

static void *map_locked_ignored(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	return real_mmap(addr, len, prot, flags & ~MAP_LOCKED, fd, off);
}
FAULT(MAP_LOCKED_IGNORED, .mmap_when = map_locked_when, .mmap = map_locked_ignored);

/* invalidate-ignores-locks: MS_INVALIDATE over the case's locks is
 * dropped instead of refused. */
static int invalidate_ignores_locks(void *addr, size_t len, int flags)
{
	if ((flags & MS_INVALIDATE) && (lockall_flags || ranges_overlap(&locked, (uintptr_t)addr, len)))
		flags &= ~MS_INVALIDATE;
	return real_msync(addr, len, flags);
}
FAULT(INVALIDATE_IGNORES_LOCKS, .msync = invalidate_ignores_locks);

/* mlockall-current-ignored: MCL_CURRENT dropped. */
static int mlockall_current_ignored(int flags)
{
	flags &= ~MCL_CURRENT;
	return flags & ~MCL_ONFAULT ? real_mlockall(flags) : 0;
}
FAULT(MLOCKALL_CURRENT_IGNORED, .mlockall = mlockall_current_ignored);

/* mlockall-onfault-ignored: MCL_ONFAULT dropped. */
static int mlockall_onfault_ignored(int flags)
{
	return real_mlockall(flags & ~MCL_ONFAULT);
}
FAULT(MLOCKALL_ONFAULT_IGNORED, .mlockall = mlockall_onfault_ignored);

/* munlockall-noop: the call succeeds and changes nothing. */
static int munlockall_noop(void)
{
	return 0;
}
FAULT(MUNLOCKALL_NOOP, .munlockall = munlockall_noop);

/* mlock2-onfault-ignored: MLOCK_ONFAULT dropped. */
static int mlock2_onfault_ignored(const void *addr, size_t len, unsigned int flags)
{
	return real_mlock2(addr, len, flags & ~(unsigned int)MLOCK_ONFAULT);
}
FAULT(MLOCK2_ONFAULT_IGNORED, .mlock2 = mlock2_onfault_ignored);

/* mlock2-flags-unchecked: the flags it does not know dropped. */
static int mlock2_flags_unchecked(const void *addr, size_t len, unsigned int flags)
{
	return real_mlock2(addr, len, flags & (unsigned int)MLOCK_ONFAULT);
}
FAULT(MLOCK2_FLAGS_UNCHECKED, .mlock2 = mlock2_flags_unchecked);

/* truncate-spares-locked: before a shrink, the bytes of the first locked
 * shared mapping of the object (up to 16 pages of 4 KiB) are kept; the
 * grow that covers them again writes them back, as if the truncate had
 * skipped the locked pages. */
static unsigned char spared[16 * 4096];
static struct {
	dev_t dev;
	ino_t ino;
	off_t off;
	size_t len;
} spared_at;

static int same_object(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

static void spare_locked(const struct stat *st, off_t new_size)
{
	for (int i = 0; i < ntracked; i++) {
		struct tracked *t = &tracked[i];
		struct stat ts;

		if ((t->flags & MAP_KIND) != MAP_SHARED || t->fd < 0 || !(t->prot & PROT_READ) ||
		    t->off >= st->st_size || new_size >= st->st_size ||
		    fstat(t->fd, &ts) < 0 || !same_object(&ts, st) ||
		    (!lockall_flags && !ranges_overlap(&locked, t->addr, t->len)))
			continue;
		size_t n = t->len;
		if ((off_t)n > st->st_size - t->off)
			n = (size_t)(st->st_size - t->off);
		if (n > sizeof(spared))
			n = sizeof(spared);
		memcpy(spared, (const void *)t->addr, n);
		spared_at.dev = st->st_dev;
		spared_at.ino = st->st_ino;
		spared_at.off = t->off;
		spared_at.len = n;
		return;
	}
}

static int truncate_spares_locked(int fd, off_t len)
{
	struct stat st;
	int r;

	if (fstat(fd, &st) < 0)
		return real_ftruncate(fd, len);
	if (len < st.st_size)
		spare_locked(&st, len);
	r = real_ftruncate(fd, len);
	if (r == 0 && spared_at.len && spared_at.dev == st.st_dev && spared_at.ino == st.st_ino &&
	    len >= spared_at.off + (off_t)spared_at.len) {
		if (pwrite(fd, spared, spared_at.len, spared_at.off) < 0) {
			/* the bytes stay zero: the case passes, make faults says so */
		}
		spared_at.len = 0;
	}
	return r;
}
FAULT(TRUNCATE_SPARES_LOCKED, .ftruncate = truncate_spares_locked);
