/*
 * mmap.c - faults in how mmap() reads its arguments and reports errors,
 * whatever it maps.  (File mappings: mmap-file.c; anonymous memory:
 * mmap-anon.c; the protection argument: protection.c.)
 */
#include "config.h"

#include <errno.h>

#include "internal.h"

/* validate-ignored: unknown bits dropped, as plain MAP_SHARED does. */
static void *validate_ignored_mmap(void *addr, size_t len, int prot, int flags, int fd,
				   off_t off)
{
	void *p = real_mmap(addr, len, prot, flags, fd, off);
#ifdef MAP_SHARED_VALIDATE
	if (p == MAP_FAILED && errno == EOPNOTSUPP &&
	    (flags & MAP_SHARED_VALIDATE) == MAP_SHARED_VALIDATE)
		p = real_mmap(addr, len, prot, (flags & ~MAP_SHARED_VALIDATE) | MAP_SHARED, fd,
			      off);
#endif
	return p;
}
FAULT(VALIDATE_IGNORED, .mmap = validate_ignored_mmap);

/* mmap-errno-einval: the wrapper clobbers errno. */
static void *errno_einval_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	void *p = real_mmap(addr, len, prot, flags, fd, off);
	if (p == MAP_FAILED)
		errno = EINVAL;
	return p;
}
FAULT(MMAP_ERRNO_EINVAL, .mmap = errno_einval_mmap);

/* mmap-errno-kept: the wrapper never stores the error. */
static void *errno_kept_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	int before = errno;
	void *p = real_mmap(addr, len, prot, flags, fd, off);
	if (p == MAP_FAILED)
		errno = before;
	return p;
}
FAULT(MMAP_ERRNO_KEPT, .mmap = errno_kept_mmap);

/* default-private: an old BSD default. */
static void *default_private_mmap(void *addr, size_t len, int prot, int flags, int fd,
				  off_t off)
{
	if (!(flags & MAP_KIND))
		flags |= MAP_PRIVATE;
	return real_mmap(addr, len, prot, flags, fd, off);
}
FAULT(DEFAULT_PRIVATE, .mmap = default_private_mmap);

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
FAULT(HINT_IS_FIXED, .mmap = hint_is_fixed_mmap);

static void *noreserve_ignored_mmap(void *addr, size_t len, int prot, int flags, int fd,
				    off_t off)
{
#ifdef MAP_NORESERVE
	flags &= ~MAP_NORESERVE;
#endif
	return real_mmap(addr, len, prot, flags, fd, off);
}
FAULT(NORESERVE_IGNORED, .mmap = noreserve_ignored_mmap);

static void *overcommit_always_mmap(void *addr, size_t len, int prot, int flags, int fd,
				    off_t off)
{
#ifdef MAP_NORESERVE
	flags |= MAP_NORESERVE;
#endif
	return real_mmap(addr, len, prot, flags, fd, off);
}
FAULT(OVERCOMMIT_ALWAYS, .mmap = overcommit_always_mmap);

static void *zero_length_accepted_mmap(void *addr, size_t len, int prot, int flags, int fd,
				       off_t off)
{
	return real_mmap(addr, len ? len : pg, prot, flags, fd, off);
}
FAULT(ZERO_LENGTH_ACCEPTED, .mmap = zero_length_accepted_mmap);
