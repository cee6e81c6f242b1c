/*
 * limits.c - faults of the limits group (their list: MMAPCTS_FAULTS_LIMITS in
 * faults.h): Linux mmap() flags dropped or refused, resource limits not
 * set, vm.max_map_count not holding, and remap_file_pages() emulations that
 * get it wrong.
 */
#include "config.h"

#include <errno.h>
#include <unistd.h>

#include "internal.h"

#ifndef MAP_LOCKED
#define MAP_LOCKED 0
#endif
#ifndef MAP_NORESERVE
#define MAP_NORESERVE 0
#endif
#ifndef MAP_STACK
#define MAP_STACK 0
#endif

static int has_map_stack(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)fd, (void)off;
	return MAP_STACK && (flags & MAP_STACK);
}

/* map-locked-ignored (MAP_LOCKED dropped) is the mlock group's, in mlock.c. */

/* map-stack-refused: EINVAL for a flag the implementation does not know. */
static void *map_stack_refused_mmap(void *addr, size_t len, int prot, int flags, int fd,
				    off_t off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	return mmap_fails(EINVAL);
}
FAULT(MAP_STACK_REFUSED, .mmap_when = has_map_stack, .mmap = map_stack_refused_mmap);

/* map-stack-ignored: the flag dropped, the mapping made like any other. */
static void *map_stack_ignored_mmap(void *addr, size_t len, int prot, int flags, int fd,
				    off_t off)
{
	return real_mmap(addr, len, prot, flags & ~MAP_STACK, fd, off);
}
FAULT(MAP_STACK_IGNORED, .mmap_when = has_map_stack, .mmap = map_stack_ignored_mmap);

/* setrlimit-ignored: success reported, the limit left as it was. */
static int setrlimit_ignored(rlimit_resource resource, const struct rlimit *rl)
{
	(void)resource, (void)rl;
	return 0;
}
FAULT(SETRLIMIT_IGNORED, .setrlimit = setrlimit_ignored);

/* mprotect-past-map-count: where the kernel refused a split of mapped
 * memory with ENOMEM (the map count), success reported, nothing changed. */
static int mprotect_past_map_count(void *addr, size_t len, int prot)
{
	int r = real_mprotect(addr, len, prot);

	if (r < 0 && errno == ENOMEM && real_msync(addr, len, MS_ASYNC) == 0)
		return 0;
	return r;
}
FAULT(MPROTECT_PAST_MAP_COUNT, .mprotect = mprotect_past_map_count);

/* munmap-past-map-count: munmap() refused with ENOMEM (only the map count
 * refuses it so) reports success and leaves the range mapped. */
static int munmap_past_map_count(void *addr, size_t len)
{
	(void)addr, (void)len;
	if (errno != ENOMEM)
		return -1;
	return 0;
}
FAULT(MUNMAP_PAST_MAP_COUNT, .munmap_failed = munmap_past_map_count);

/* remap-file-pages-noop: success reported, nothing remapped. */
static int remap_noop(void *addr, size_t size, int prot, size_t pgoff, int flags)
{
	(void)addr, (void)size, (void)prot, (void)pgoff, (void)flags;
	return 0;
}
FAULT(REMAP_FILE_PAGES_NOOP, .remap_file_pages = remap_noop);

/* remap-file-pages-off-by-one: the page after the one asked for. */
static int remap_off_by_one(void *addr, size_t size, int prot, size_t pgoff, int flags)
{
	return real_remap_file_pages(addr, size, prot, pgoff + 1, flags);
}
FAULT(REMAP_FILE_PAGES_OFF_BY_ONE, .remap_file_pages = remap_off_by_one);

/* remap-file-pages-private-copy: an emulation that maps the chosen pages
 * of a shared mapping with MAP_PRIVATE|MAP_FIXED: they read right, and
 * stores to them never reach the object. */
static int remap_private_copy(void *addr, size_t size, int prot, size_t pgoff, int flags)
{
	struct tracked *t = find_tracked((uintptr_t)addr);

	if (prot || !size || pgoff + size / pg < pgoff || !t || t->fd < 0 ||
	    (t->flags & MAP_KIND) != MAP_SHARED || (uintptr_t)addr + size > t->addr + t->len)
		return real_remap_file_pages(addr, size, prot, pgoff, flags);
	if (real_mmap(addr, size, t->prot, MAP_PRIVATE | MAP_FIXED, t->fd,
		      (off_t)(pgoff * pg)) == MAP_FAILED)
		return -1;
	return 0;
}
FAULT(REMAP_FILE_PAGES_PRIVATE_COPY, .remap_file_pages = remap_private_copy);

/* remap-file-pages-unchecked: an emulation without the kernel's checks:
 * every call the kernel refuses with EINVAL reports success. */
static int remap_unchecked(void *addr, size_t size, int prot, size_t pgoff, int flags)
{
	int r = real_remap_file_pages(addr, size, prot, pgoff, flags);

	if (r < 0 && errno == EINVAL)
		return 0;
	return r;
}
FAULT(REMAP_FILE_PAGES_UNCHECKED, .remap_file_pages = remap_unchecked);

/* Is len more than all the RAM there is (the heuristic's obvious overcommit)? */
static int beyond_ram(size_t len)
{
	long pages = sysconf(_SC_PHYS_PAGES);

	return pages > 0 && len / pg > (size_t)pages;
}

/* readonly-private-committed: private anonymous memory charged whatever
 * its protection, so one beyond RAM is refused even read-only. */
static int readonly_private_beyond_ram(void *addr, size_t len, int prot, int flags, int fd,
				       off_t off)
{
	(void)addr, (void)fd, (void)off;
	return (flags & MAP_ANONYMOUS) && (flags & MAP_KIND) == MAP_PRIVATE &&
	       !(prot & PROT_WRITE) && beyond_ram(len);
}
static void *readonly_private_committed_mmap(void *addr, size_t len, int prot, int flags,
					     int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	return mmap_fails(ENOMEM);
}
FAULT(READONLY_PRIVATE_COMMITTED, .mmap_when = readonly_private_beyond_ram,
      .mmap = readonly_private_committed_mmap);

/* mprotect-write-uncommitted: where the kernel refused to make private
 * anonymous memory writable for want of commit, the range is mapped anew
 * with MAP_NORESERVE and the new protection (an implementation that
 * charges commit only at mmap() time). */
static int mprotect_write_uncommitted(void *addr, size_t len, int prot)
{
	int r = real_mprotect(addr, len, prot);
	struct tracked *t;

	if (r == 0 || errno != ENOMEM || !(prot & PROT_WRITE))
		return r;
	t = find_tracked((uintptr_t)addr);
	if (!t || t->fd >= 0 || (t->flags & MAP_KIND) != MAP_PRIVATE ||
	    (uintptr_t)addr + len > t->addr + t->len)
		return r;
	if (real_mmap(addr, len, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE,
		      -1, 0) == MAP_FAILED)
		return -1;
	return 0;
}
FAULT(MPROTECT_WRITE_UNCOMMITTED, .mprotect = mprotect_write_uncommitted);

/* noreserve-lost-on-mprotect: mprotect() that makes a MAP_NORESERVE
 * private anonymous mapping beyond RAM writable charges its commit, as if
 * the flag held only at mmap() time, and the heuristic refuses it. */
static int noreserve_lost_on_mprotect(void *addr, size_t len, int prot)
{
	struct tracked *t = find_tracked((uintptr_t)addr);

	if ((prot & PROT_WRITE) && t && t->fd < 0 && (t->flags & MAP_NORESERVE) &&
	    (t->flags & MAP_KIND) == MAP_PRIVATE && !(t->prot & PROT_WRITE) && beyond_ram(len)) {
		errno = ENOMEM;
		return -1;
	}
	return real_mprotect(addr, len, prot);
}
FAULT(NORESERVE_LOST_ON_MPROTECT, .mprotect = noreserve_lost_on_mprotect);
