/*
 * cow.h - what the cow/ cases share: the across-fork protocol of fork/
 * (fork.h: act_across_fork(), the seeds BEFORE_FORK and STORED, the roles
 * PARENT and CHILD), the role a variant names, and memory backed the way
 * a kernel shortcut wants it (a transparent huge page).
 */
#ifndef MMAPCTS_COW_H
#define MMAPCTS_COW_H

#include <stdlib.h>

#include "mmapcts.h"
#include "../fork/fork.h"

/* The process the variant "parent" or "child" names, and the other one. */
static inline enum proc variant_proc(void)
{
	return variant_is("parent") ? PARENT : CHILD;
}

static inline enum proc other_proc(enum proc p)
{
	return p == PARENT ? CHILD : PARENT;
}

/* The size of a transparent huge page (hpage_pmd_size), or 0 where the
 * kernel offers none; *why says why not (for UNSUPPORTED). */
#define THP_SYSFS "/sys/kernel/mm/transparent_hugepage/"
static inline size_t thp_size(const char **why)
{
	char mode[128] = "", size[32] = "";
	FILE *f = fopen(THP_SYSFS "enabled", "r");

	if (f) {
		if (!fgets(mode, sizeof(mode), f))
			mode[0] = 0;
		fclose(f);
	}
	if (!f || !mode[0]) {
		*why = "no " THP_SYSFS "enabled: the kernel has no transparent huge pages";
		return 0;
	}
	if (strstr(mode, "[never]")) {
		*why = THP_SYSFS "enabled says [never]: transparent huge pages are off";
		return 0;
	}
	f = fopen(THP_SYSFS "hpage_pmd_size", "r");
	if (f) {
		if (!fgets(size, sizeof(size), f))
			size[0] = 0;
		fclose(f);
	}
	return size[0] ? strtoul(size, NULL, 10) : 2u << 20;
}

#undef MMAPCTS_HERE
#define MMAPCTS_HERE file, line

/*
 * A private anonymous read-write range of one transparent huge page,
 * aligned to its size, advised MADV_HUGEPAGE and filled with the pattern
 * (so the kernel may back it with one huge page; whether it did is
 * observed as "thp_backed", from AnonHugePages, not asserted: madvise(2)
 * promises only the attempt).  UNSUPPORTED where transparent huge pages are off, with the
 * sysfs reason.
 */
static inline unsigned char *thp_range_(const char *file, int line, size_t *lenp)
{
	const char *why = NULL;
	size_t len = thp_size(&why);
	unsigned char *res, *map;
	unsigned long long before;

	if (!len)
		mmapcts_end_(VERDICT_UNSUPPORTED, file, line, "%s", why);
	res = reserve(2 * len);
	map = (unsigned char *)(((uintptr_t)res + len - 1) & ~(uintptr_t)(len - 1));
	map = SAFE_MMAP(map, len, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	ADVISE(map, len, MADV_HUGEPAGE);
	before = meminfo_bytes("AnonHugePages");
	fill_pattern(map, 0, len, BEFORE_FORK);
	OBSERVE("thp_backed", "%s",
		meminfo_bytes("AnonHugePages") >= before + len ? "likely" : "no");
	*lenp = len;
	return map;
}
#define thp_range(...) thp_range_(MMAPCTS_HERE, __VA_ARGS__)

/*
 * The size of a hugetlb page, where /proc/meminfo counts at least n free
 * ones; UNSUPPORTED with the count where it does not (none are reserved
 * unless an administrator sets vm.nr_hugepages, which a case never does),
 * or where the kernel has no hugetlb at all.
 */
static inline size_t free_huge_pages_(const char *file, int line, unsigned n)
{
	size_t size;
	unsigned long long free_pages;

	/* A kernel without hugetlb (armmp: 32-bit arm without LPAE) has no
	 * Hugepagesize line to read; hugepages.h says it the same way. */
	if (access("/sys/kernel/mm/hugepages", F_OK) != 0)
		mmapcts_end_(VERDICT_UNSUPPORTED, file, line,
			     "no /sys/kernel/mm/hugepages: a kernel without hugetlb pages");
	size = (size_t)meminfo_bytes("Hugepagesize");
	free_pages = meminfo_bytes("HugePages_Free") / 1024; /* a count, read as kB */

	if (!size || free_pages < n)
		mmapcts_end_(VERDICT_UNSUPPORTED, file, line,
			     "/proc/meminfo: HugePages_Free is %llu, %u huge pages are "
			     "needed (none are reserved unless vm.nr_hugepages is set)",
			     free_pages, n);
	return size;
}
#define free_huge_pages(...) free_huge_pages_(MMAPCTS_HERE, __VA_ARGS__)

/*
 * Linux: the kibibytes a "Key:  N kB" line of /proc/self/smaps gives for
 * the mapping that starts at addr ("Rss": its pages mapped in, "Anonymous":
 * those that are the process's own copies).  UNTESTED without smaps.
 */
static inline unsigned long smaps_kb_(const char *file, int line, const void *addr,
				      const char *key)
{
	char text[512], want[64];
	unsigned long start, kb;
	int in = 0;
	FILE *f = fopen("/proc/self/smaps", "r");

	if (!f)
		UNTESTED("no /proc/self/smaps: what is mapped in cannot be observed");
	snprintf(want, sizeof(want), "%s: %%lu kB", key);
	while (fgets(text, sizeof(text), f)) {
		char *dash = strchr(text, '-'), *space = strchr(text, ' ');

		if (dash && space && dash < space && sscanf(text, "%lx-", &start) == 1)
			in = start == (uintptr_t)addr;	/* a mapping's first line */
		else if (in && sscanf(text, want, &kb) == 1) {
			fclose(f);
			return kb;
		}
	}
	fclose(f);
	UNTESTED("/proc/self/smaps has no %s line for the mapping", key);
}
#define smaps_kb(...) smaps_kb_(MMAPCTS_HERE, __VA_ARGS__)

#undef MMAPCTS_HERE
#define MMAPCTS_HERE __FILE__, __LINE__

#endif /* MMAPCTS_COW_H */
