/*
 * placement.c - faults of the placement group (their list: MMAPCTS_FAULTS_PLACEMENT in
 * faults.h): where mmap() puts a mapping - MAP_FIXED, MAP_FIXED_NOREPLACE,
 * the addresses the system chooses, the low-address limit - and what a
 * failing mmap() returns.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <unistd.h>

#include "internal.h"

#ifdef MAP_FIXED_NOREPLACE
#define NOREPLACE MAP_FIXED_NOREPLACE
#else
#define NOREPLACE 0
#endif

static int is_fixed(int flags)
{
	return (flags & MAP_FIXED) && !(NOREPLACE && (flags & NOREPLACE));
}

static int is_noreplace(int flags)
{
	return NOREPLACE && (flags & NOREPLACE);
}

static uintptr_t misalignment(void *addr)
{
	return (uintptr_t)addr % pg;
}

/* fixed-as-hint: MAP_FIXED dropped. */
static int fixed_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)fd, (void)off;
	return is_fixed(flags);
}
static void *fixed_as_hint_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	return real_mmap(addr, len, prot, flags & ~MAP_FIXED, fd, off);
}
FAULT(FIXED_AS_HINT, .mmap_when = fixed_when, .mmap = fixed_as_hint_mmap);

/* fixed-unaligned-rounded: the address rounded down to its page. */
static int fixed_unaligned_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)len, (void)prot, (void)fd, (void)off;
	return is_fixed(flags) && misalignment(addr);
}
static void *rounded_down_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	return real_mmap((char *)addr - misalignment(addr), len, prot, flags, fd, off);
}
FAULT(FIXED_UNALIGNED_ROUNDED, .mmap_when = fixed_unaligned_when, .mmap = rounded_down_mmap);

/* fixed-past-limit-moved: where the kernel says the range does not fit
 * the address space, the call is made again as a hint. */
static void *past_limit_moved_failed(void *addr, size_t len, int prot, int flags, int fd,
				     off_t off, int errno_before)
{
	(void)addr, (void)errno_before;
	if (is_fixed(flags) && errno == ENOMEM)
		return real_mmap(NULL, len, prot, flags & ~MAP_FIXED, fd, off);
	return MAP_FAILED;
}
FAULT(FIXED_PAST_LIMIT_MOVED, .mmap_failed = past_limit_moved_failed);

static int noreplace_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)fd, (void)off;
	return is_noreplace(flags);
}

/* noreplace-clobbers: MAP_FIXED_NOREPLACE made MAP_FIXED. */
static void *noreplace_clobbers_mmap(void *addr, size_t len, int prot, int flags, int fd,
				     off_t off)
{
	return real_mmap(addr, len, prot, (flags & ~NOREPLACE) | MAP_FIXED, fd, off);
}
FAULT(NOREPLACE_CLOBBERS, .mmap_when = noreplace_when, .mmap = noreplace_clobbers_mmap);

/* noreplace-ignored: the flag dropped, as a kernel before 4.17 does. */
static void *noreplace_ignored_mmap(void *addr, size_t len, int prot, int flags, int fd,
				    off_t off)
{
	return real_mmap(addr, len, prot, flags & ~NOREPLACE, fd, off);
}
FAULT(NOREPLACE_IGNORED, .mmap_when = noreplace_when, .mmap = noreplace_ignored_mmap);

/* noreplace-adjacent-eexist: the pages just outside the range are looked
 * at too (msync() of an unmapped page fails with ENOMEM). */
static int page_mapped(uintptr_t page)
{
	return real_msync((void *)page, pg, MS_ASYNC) == 0;
}
static void *noreplace_adjacent_mmap(void *addr, size_t len, int prot, int flags, int fd,
				     off_t off)
{
	uintptr_t a = (uintptr_t)addr - misalignment(addr);

	if ((a >= pg && page_mapped(a - pg)) || page_mapped(a + round_up(len))) {
		errno = EEXIST;
		return MAP_FAILED;
	}
	return real_mmap(addr, len, prot, flags, fd, off);
}
FAULT(NOREPLACE_ADJACENT_EEXIST, .mmap_when = noreplace_when, .mmap = noreplace_adjacent_mmap);

/* noreplace-fixed-clobbers: with both flags, MAP_FIXED wins. */
static int noreplace_fixed_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)fd, (void)off;
	return is_noreplace(flags) && (flags & MAP_FIXED);
}
FAULT(NOREPLACE_FIXED_CLOBBERS, .mmap_when = noreplace_fixed_when,
      .mmap = noreplace_ignored_mmap);

/* noreplace-unaligned-rounded: as fixed-unaligned-rounded, for the flag. */
static int noreplace_unaligned_when(void *addr, size_t len, int prot, int flags, int fd,
				    off_t off)
{
	(void)len, (void)prot, (void)fd, (void)off;
	return is_noreplace(flags) && misalignment(addr);
}
FAULT(NOREPLACE_UNALIGNED_ROUNDED, .mmap_when = noreplace_unaligned_when,
      .mmap = rounded_down_mmap);

/* noreplace-address-ignored: the system chooses the address. */
static void *noreplace_address_ignored_mmap(void *addr, size_t len, int prot, int flags, int fd,
					    off_t off)
{
	(void)addr;
	return real_mmap(NULL, len, prot, flags & ~(NOREPLACE | MAP_FIXED), fd, off);
}
FAULT(NOREPLACE_ADDRESS_IGNORED, .mmap_when = noreplace_when,
      .mmap = noreplace_address_ignored_mmap);

static int system_chooses_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)len, (void)prot, (void)fd, (void)off;
	return !addr && !(flags & (MAP_FIXED | NOREPLACE));
}

/* null-hint-at-zero: address 0 first, where it is free (it takes a
 * process allowed to map there: root, CAP_SYS_RAWIO). */
static void *null_hint_at_zero_mmap(void *addr, size_t len, int prot, int flags, int fd,
				    off_t off)
{
	void *p = NOREPLACE ? real_mmap(NULL, len, prot, flags | NOREPLACE, fd, off) : MAP_FAILED;

	if (p == NULL)
		return p;
	if (p != MAP_FAILED)
		real_munmap(p, len);
	return real_mmap(addr, len, prot, flags, fd, off);
}
FAULT(NULL_HINT_AT_ZERO, .mmap_when = system_chooses_when, .mmap = null_hint_at_zero_mmap);

/* null-hint-overlaps: the latest mapping the case made and still has, if
 * the new one fits in it, is handed out again over it. */
static struct tracked *latest_fitting(size_t len)
{
	return ntracked > 0 && tracked[ntracked - 1].len >= round_up(len)
	       ? &tracked[ntracked - 1] : NULL;
}
static void *null_hint_overlaps_mmap(void *addr, size_t len, int prot, int flags, int fd,
				     off_t off)
{
	struct tracked *t = latest_fitting(len);

	if (!t)
		return real_mmap(addr, len, prot, flags, fd, off);
	return real_mmap((void *)t->addr, len, prot, flags | MAP_FIXED, fd, off);
}
FAULT(NULL_HINT_OVERLAPS, .mmap_when = system_chooses_when, .mmap = null_hint_overlaps_mmap);

/* low-address-allowed: a refused low MAP_FIXED reported as done (the
 * address returned; nothing can be mapped there, as nothing checks). */
static void *low_address_allowed_failed(void *addr, size_t len, int prot, int flags, int fd,
					off_t off, int errno_before)
{
	(void)len, (void)prot, (void)fd, (void)off, (void)errno_before;
	if ((flags & (MAP_FIXED | NOREPLACE)) && (errno == EPERM || errno == EACCES) &&
	    (uintptr_t)addr < ((uintptr_t)1 << 20))
		return addr;
	return MAP_FAILED;
}
FAULT(LOW_ADDRESS_ALLOWED, .mmap_failed = low_address_allowed_failed);

/* low-limit-in-pages: vm.mmap_min_addr read as a number of pages. */
static uintptr_t min_addr(void)
{
	static long v = -1;

	if (v < 0) {
		char buf[32] = "";
		int fd = open("/proc/sys/vm/mmap_min_addr", O_RDONLY | O_CLOEXEC);

		if (fd >= 0) {
			if (real_read(fd, buf, sizeof(buf) - 1) < 0)
				buf[0] = 0;
			real_close(fd);
		}
		v = atol(buf);
	}
	return (uintptr_t)v;
}
static int low_limit_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)len, (void)prot, (void)fd, (void)off;
	return (flags & (MAP_FIXED | NOREPLACE)) && (uintptr_t)addr >= min_addr() &&
	       (uintptr_t)addr < min_addr() * pg;
}
static void *low_limit_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	errno = EPERM;
	return MAP_FAILED;
}
FAULT(LOW_LIMIT_IN_PAGES, .mmap_when = low_limit_when, .mmap = low_limit_mmap);

/* failure-returns-null: 0 for a failure, errno as the kernel set it. */
static void *failure_returns_null_failed(void *addr, size_t len, int prot, int flags, int fd,
					 off_t off, int errno_before)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off, (void)errno_before;
	return NULL;
}
FAULT(FAILURE_RETURNS_NULL, .mmap_failed = failure_returns_null_failed);

/* both-sharing-private: MAP_SHARED | MAP_PRIVATE taken as MAP_PRIVATE. */
static int both_sharing_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)fd, (void)off;
	return (flags & MAP_KIND) == MAP_KIND;
}
static void *both_sharing_private_mmap(void *addr, size_t len, int prot, int flags, int fd,
				       off_t off)
{
	return real_mmap(addr, len, prot, flags & ~MAP_SHARED, fd, off);
}
FAULT(BOTH_SHARING_PRIVATE, .mmap_when = both_sharing_when, .mmap = both_sharing_private_mmap);

/* private-unknown-flag-einval: the bit placement.h and shared-file.h use
 * as unknown, refused with MAP_PRIVATE. */
#define UNKNOWN_BIT 0x800000
static int private_unknown_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)fd, (void)off;
	return (flags & MAP_KIND) == MAP_PRIVATE && (flags & UNKNOWN_BIT);
}
static void *einval_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	errno = EINVAL;
	return MAP_FAILED;
}
FAULT(PRIVATE_UNKNOWN_FLAG_EINVAL, .mmap_when = private_unknown_when, .mmap = einval_mmap);

/* anon-fd-honoured: MAP_ANONYMOUS with a regular file's descriptor maps
 * the file. */
static int anon_fd_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	struct stat st;

	(void)addr, (void)len, (void)prot, (void)off;
	return (flags & MAP_ANONYMOUS) && fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
}
static void *anon_fd_honoured_mmap(void *addr, size_t len, int prot, int flags, int fd,
				   off_t off)
{
	return real_mmap(addr, len, prot, flags & ~MAP_ANONYMOUS, fd, off);
}
FAULT(ANON_FD_HONOURED, .mmap_when = anon_fd_when, .mmap = anon_fd_honoured_mmap);

/* negative-offset-wraps: the object's start instead. */
static int negative_offset_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd;
	return off < 0;
}
static void *negative_offset_wraps_mmap(void *addr, size_t len, int prot, int flags, int fd,
					off_t off)
{
	(void)off;
	return real_mmap(addr, len, prot, flags, fd, 0);
}
FAULT(NEGATIVE_OFFSET_WRAPS, .mmap_when = negative_offset_when,
      .mmap_file = negative_offset_wraps_mmap);

/* sealed-past-end-einval: a size-sealed object's range checked, with the
 * wrong errno. */
static int sealed_past_end_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
#ifdef F_SEAL_GROW
	struct stat st;
	int seals = fd >= 0 ? fcntl(fd, F_GET_SEALS) : -1;

	(void)addr, (void)prot, (void)flags;
	return seals > 0 && (seals & F_SEAL_GROW) && fstat(fd, &st) == 0 &&
	       (uintmax_t)off + len > (uintmax_t)st.st_size;
#else
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	return 0;
#endif
}
FAULT(SEALED_PAST_END_EINVAL, .mmap_when = sealed_past_end_when, .mmap_file = einval_mmap);
