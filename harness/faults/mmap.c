/*
 * mmap.c - faults in how mmap() reads its arguments and reports errors,
 * whatever it maps.  (File mappings: mmap-file.c; anonymous memory:
 * mmap-anon.c; the protection argument: protection.c.)
 */
#include "config.h"

#include <errno.h>

#include "internal.h"

/* validate-ignored: unknown bits dropped, as plain MAP_SHARED does. */
static void *validate_ignored_failed(void *addr, size_t len, int prot, int flags, int fd,
				     off_t off, int errno_before)
{
	(void)errno_before;
#ifdef MAP_SHARED_VALIDATE
	if (errno == EOPNOTSUPP && (flags & MAP_SHARED_VALIDATE) == MAP_SHARED_VALIDATE)
		return real_mmap(addr, len, prot, (flags & ~MAP_SHARED_VALIDATE) | MAP_SHARED, fd,
				 off);
#else
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
#endif
	return MAP_FAILED;
}
FAULT(VALIDATE_IGNORED, .mmap_failed = validate_ignored_failed);

/* mmap-errno-einval: the wrapper clobbers errno. */
static void *errno_einval_failed(void *addr, size_t len, int prot, int flags, int fd, off_t off,
				 int errno_before)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off, (void)errno_before;
	errno = EINVAL;
	return MAP_FAILED;
}
FAULT(MMAP_ERRNO_EINVAL, .mmap_failed = errno_einval_failed);

/* mmap-errno-kept: the wrapper never stores the error. */
static void *errno_kept_failed(void *addr, size_t len, int prot, int flags, int fd, off_t off,
			       int errno_before)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	errno = errno_before;
	return MAP_FAILED;
}
FAULT(MMAP_ERRNO_KEPT, .mmap_failed = errno_kept_failed);

/* default-private: an old BSD default, where the kernel refuses. */
static void *default_private_failed(void *addr, size_t len, int prot, int flags, int fd,
				    off_t off, int errno_before)
{
	(void)errno_before;
	if (!(flags & MAP_KIND))
		return real_mmap(addr, len, prot, flags | MAP_PRIVATE, fd, off);
	return MAP_FAILED;
}
FAULT(DEFAULT_PRIVATE, .mmap_failed = default_private_failed);

static int has_noreserve(int flags)
{
#ifdef MAP_NORESERVE
	return (flags & MAP_NORESERVE) != 0;
#else
	(void)flags;
	return 0;
#endif
}

static void *hint_is_fixed_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	int fixed = MAP_FIXED;
#ifdef MAP_FIXED_NOREPLACE
	fixed |= MAP_FIXED_NOREPLACE;
#endif
	if (addr && !(flags & fixed))
		flags |= MAP_FIXED;
	return real_mmap(addr, len, prot, flags, fd, off);
}
static int hint_is_fixed_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	return addr && !(flags & MAP_FIXED);
}
FAULT(HINT_IS_FIXED, .mmap_when = hint_is_fixed_when, .mmap = hint_is_fixed_mmap);

static void *noreserve_ignored_mmap(void *addr, size_t len, int prot, int flags, int fd,
				    off_t off)
{
#ifdef MAP_NORESERVE
	flags &= ~MAP_NORESERVE;
#endif
	return real_mmap(addr, len, prot, flags, fd, off);
}
static int noreserve_ignored_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	return has_noreserve(flags);
}
FAULT(NORESERVE_IGNORED, .mmap_when = noreserve_ignored_when, .mmap = noreserve_ignored_mmap);

/* overcommit-always: a mapping the kernel refused for lack of memory is
 * made anyway, as under vm.overcommit_memory=1.  Only a refusal can
 * differ from the real call (a mapping made either way is the same
 * mapping), so the fault acts after one: the matrix runs it only where a
 * case met a refusal. */
static void *overcommit_always_failed(void *addr, size_t len, int prot, int flags, int fd,
				      off_t off, int errno_before)
{
	int refused = errno;

	(void)errno_before;
#ifdef MAP_NORESERVE
	if (refused == ENOMEM && !(flags & MAP_NORESERVE))
		return real_mmap(addr, len, prot, flags | MAP_NORESERVE, fd, off);
#else
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
#endif
	errno = refused;
	return MAP_FAILED;
}
FAULT(OVERCOMMIT_ALWAYS, .mmap_failed = overcommit_always_failed);

/* zero-length-accepted: where the kernel refuses a length of 0, a page. */
static void *zero_length_accepted_failed(void *addr, size_t len, int prot, int flags, int fd,
					 off_t off, int errno_before)
{
	(void)errno_before;
	if (!len)
		return real_mmap(addr, pg, prot, flags, fd, off);
	return MAP_FAILED;
}
FAULT(ZERO_LENGTH_ACCEPTED, .mmap_failed = zero_length_accepted_failed);
