/*
 * limits.h - what the cases of cases/limits/ share: the Linux figures they
 * read (/proc/self/status, /proc/sys/vm, the VmFlags of smaps), a lowered
 * resource limit, the permutation the remap_file_pages() cases apply, and
 * the walk that splits one mapping until vm.max_map_count refuses.
 *
 * Every figure is read with open() and read() into the stack, never through
 * stdio: the RLIMIT_AS and RLIMIT_DATA cases compare the figure with the
 * next mapping, and a buffer malloc() took in between would move it.
 */
#ifndef MMAPCTS_LIMITS_H
#define MMAPCTS_LIMITS_H

#include "mmapcts.h"

#include <stdlib.h>
#include <sys/resource.h>

/*
 * The helpers from here on are called through a macro of their name that
 * passes the case's file and line; inside them MMAPCTS_HERE is those, so a
 * setup call, check or verdict in them names the case's line, never this
 * header's.
 */
#undef MMAPCTS_HERE
#define MMAPCTS_HERE file, line

/* ------------------------------------------------------------------------
 * Linux figures.
 * ------------------------------------------------------------------------ */

/* The whole of a small /proc file into buf (NUL-terminated); -1 if it
 * cannot be read. */
static inline ssize_t limits_read_proc(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	ssize_t n, got = 0;

	if (fd < 0)
		return -1;
	while ((n = read(fd, buf + got, size - 1 - (size_t)got)) > 0)
		got += n;
	close(fd);
	if (n < 0)
		return -1;
	buf[got] = '\0';
	return got;
}

/* The "Key:  N kB" line of /proc/self/status, in bytes (VmSize, VmData);
 * UNTESTED where there is none. */
static inline size_t status_bytes_(const char *file, int line, const char *key)
{
	char buf[4096];
	size_t klen = strlen(key);

	if (limits_read_proc("/proc/self/status", buf, sizeof(buf)) < 0)
		UNTESTED("/proc/self/status cannot be read: %s", errno_name(errno));
	for (const char *l = buf; l; l = strchr(l, '\n')) {
		l += *l == '\n';
		if (!strncmp(l, key, klen) && l[klen] == ':')
			return (size_t)strtoull(l + klen + 1, NULL, 10) * 1024;
	}
	UNTESTED("/proc/self/status has no %s line", key);
}
#define status_bytes(key) status_bytes_(MMAPCTS_HERE, (key))

/* /proc/sys/vm/<name> as a number; UNTESTED where it cannot be read. */
static inline long long vm_sysctl_(const char *file, int line, const char *name)
{
	char path[64], buf[64];

	snprintf(path, sizeof(path), "/proc/sys/vm/%s", name);
	if (limits_read_proc(path, buf, sizeof(buf)) <= 0)
		UNTESTED("%s cannot be read: %s", path, errno_name(errno));
	OBSERVE(name, "%lld", strtoll(buf, NULL, 10));
	return strtoll(buf, NULL, 10);
}
#define vm_sysctl(name) vm_sysctl_(MMAPCTS_HERE, (name))

/*
 * Does the mapping that holds addr carry the two-letter VmFlags word
 * (smaps: "lo" locked, "nh" no huge pages)?  UNTESTED without smaps.
 */
static inline int has_vm_flag_(const char *file, int line, const void *addr,
			       const char *word)
{
	FILE *f = fopen("/proc/self/smaps", "r");
	char l[512];
	int here = 0, found = -1;

	if (!f)
		UNTESTED("/proc/self/smaps cannot be read: %s", errno_name(errno));
	while (found < 0 && fgets(l, sizeof(l), f)) {
		unsigned long start, end;

		if (sscanf(l, "%lx-%lx ", &start, &end) == 2)
			here = start <= (uintptr_t)addr && (uintptr_t)addr < end;
		else if (here && !strncmp(l, "VmFlags:", 8)) {
			char pat[8];

			snprintf(pat, sizeof(pat), " %s ", word);
			l[strcspn(l, "\n")] = ' ';
			found = strstr(l + 7, pat) != NULL;
		}
	}
	fclose(f);
	if (found < 0)
		UNTESTED("/proc/self/smaps shows no VmFlags for the mapping");
	return found;
}
#define has_vm_flag(addr, word) has_vm_flag_(MMAPCTS_HERE, (addr), (word))

/*
 * A page-multiple length no overcommit accounting could promise: twice
 * the larger of RAM plus swap (the heuristic's bound, policy 0) and
 * CommitLimit (strict accounting's, policy 2).  UNTESTED where it does
 * not fit the address space, or where a finite RLIMIT_AS would decide a
 * mapping of that length before the accounting does.
 */
static inline size_t uncommittable_length_(const char *file, int line)
{
	unsigned long long memory = meminfo_bytes("MemTotal") + meminfo_bytes("SwapTotal");
	unsigned long long limit = meminfo_bytes("CommitLimit");
	unsigned long long len = 2 * (memory > limit ? memory : limit);
	struct rlimit rl;

	if (len > SIZE_MAX / 4)
		UNTESTED("%llu bytes, more than memory or the commit limit, do not "
			 "fit this address space", len);
	if (getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
		UNTESTED("RLIMIT_AS is finite: it, not the overcommit accounting, "
			 "would decide a mapping larger than memory");
	return (size_t)(len + page_size - 1) / page_size * page_size;
}
#define uncommittable_length() uncommittable_length_(MMAPCTS_HERE)

/* ------------------------------------------------------------------------
 * Resource limits.
 * ------------------------------------------------------------------------ */

/* Lower the soft limit of resource to value in this process (call it in a
 * child); UNTESTED where the hard limit is lower already. */
static inline void lower_rlimit_(const char *file, int line, int resource,
				 const char *name, size_t value)
{
	struct rlimit rl;

	if (getrlimit(resource, &rl) < 0)
		UNRESOLVED("getrlimit(%s) failed: %s", name, errno_name(errno));
	if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max < value)
		UNTESTED("the hard %s is below %zu bytes already", name, value);
	rl.rlim_cur = value;
	if (setrlimit(resource, &rl) < 0)
		UNRESOLVED("setrlimit(%s, %zu) failed: %s", name, value, errno_name(errno));
}
#define lower_rlimit(resource, value)                                          \
	lower_rlimit_(MMAPCTS_HERE, (resource), #resource, (value))

/* ------------------------------------------------------------------------
 * remap_file_pages(): page i of a 4-page shared mapping is made to show
 * page remap_perm[i] of the object (no page stays where it was, and the
 * permutation is neither a reversal nor made of swaps).
 * ------------------------------------------------------------------------ */
#define REMAP_PAGES 4
static const size_t remap_perm[REMAP_PAGES] = { 2, 0, 3, 1 };

/* remap_file_pages(map + page, one page, 0, pgoff, 0) returns 0; ENOSYS
 * (the system call is absent) is UNSUPPORTED, any other failure FAIL. */
static inline void remap_page_(const char *file, int line, unsigned char *map, size_t page,
			       size_t pgoff)
{
	if (remap_file_pages(map + page * page_size, page_size, 0, pgoff, 0) == 0)
		return;
	if (errno == ENOSYS)
		UNSUPPORTED("remap_file_pages() fails with ENOSYS: this kernel has no "
			    "such system call");
	FAIL("remap_file_pages() of page %zu to object page %zu of a MAP_SHARED "
	     "mapping failed: %s", page, pgoff, errno_name(errno));
}

/* A MAP_SHARED read-write mapping of REMAP_PAGES pattern pages of the
 * variant's object, each page remapped to show page remap_perm[i]. */
static inline unsigned char *permuted_shared_mapping_(const char *file, int line,
						      struct object *obj)
{
	unsigned char *map = SAFE_MAP_PATTERN(NULL, REMAP_PAGES * page_size,
					      PROT_READ | PROT_WRITE, MAP_SHARED, obj);

	for (size_t i = 0; i < REMAP_PAGES; i++)
		remap_page_(file, line, map, i, remap_perm[i]);
	return map;
}
#define permuted_shared_mapping(obj) permuted_shared_mapping_(MMAPCTS_HERE, (obj))

/* ------------------------------------------------------------------------
 * vm.max_map_count.
 * ------------------------------------------------------------------------ */

/*
 * A PROT_READ private anonymous mapping of enough pages to reach the
 * process's map-count limit by splitting it (nothing is touched and
 * nothing committed).  UNTESTED where the limit is over a million: the
 * walk would take seconds.
 */
static inline unsigned char *splittable_mapping_(const char *file, int line,
						 size_t *npages)
{
	long long max = vm_sysctl_(file, line, "max_map_count");

	if (max > 1000000)
		UNTESTED("vm.max_map_count is %lld: reaching it would take more than "
			 "a million mappings", max);
	if (max < 8)
		UNTESTED("vm.max_map_count is %lld: too low to split a mapping", max);
	*npages = (size_t)max + 4;
	return SAFE_MMAP(NULL, *npages * page_size, PROT_READ,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}
#define splittable_mapping(npages) splittable_mapping_(MMAPCTS_HERE, (npages))

/*
 * Give every odd page of map PROT_NONE, in order, each call splitting the
 * rest of the mapping in three (two more mappings), until mprotect()
 * refuses; returns the page refused (errno as the call left it), or
 * npages if none was.
 */
static inline size_t protect_odd_pages_until_refused(unsigned char *map, size_t npages)
{
	for (size_t i = 1; i + 1 < npages; i += 2)
		if (mprotect(map + i * page_size, page_size, PROT_NONE) < 0)
			return i;
	return npages;
}

/*
 * Setup: make this process hold exactly vm.max_map_count mappings, and
 * return a page in the middle of one PROT_READ mapping of at least five
 * pages (so that removing or changing it alone would split that mapping).
 * The odd pages of a splittable_mapping() are made PROT_NONE until the
 * kernel refuses (max-map-count-mprotect-enomem FAILs where it does not
 * refuse with ENOMEM); pages refused .. npages-1 are then one PROT_READ
 * mapping (two, if the refused call split once), and single splits off
 * its far end, alternating PROT_NONE and PROT_READ|PROT_WRITE, bring the
 * count to the limit: a single split is refused only there.
 */
static inline unsigned char *middle_page_at_map_count_limit_(const char *file, int line)
{
	size_t npages, refused, last;
	unsigned char *map = splittable_mapping_(file, line, &npages);

	refused = protect_odd_pages_until_refused(map, npages);
	if (refused == npages || errno != ENOMEM)
		UNRESOLVED("splitting a mapping with mprotect() was not refused with "
			   "ENOMEM (max-map-count-mprotect-enomem FAILs on that)");
	for (last = npages - 1; last > refused + 4; last--)
		if (mprotect(map + last * page_size, page_size,
			     (npages - last) % 2 ? PROT_NONE : PROT_READ | PROT_WRITE) < 0)
			return map + (refused + 2) * page_size;
	UNRESOLVED("single splits of a mapping were never refused (the limit "
		   "was reached by the double splits before them)");
}
#define middle_page_at_map_count_limit()                                       \
	middle_page_at_map_count_limit_(MMAPCTS_HERE)

#undef MMAPCTS_HERE
#define MMAPCTS_HERE __FILE__, __LINE__

#endif /* MMAPCTS_LIMITS_H */
