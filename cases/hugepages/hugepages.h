/*
 * hugepages.h - what the hugepages cases share: the huge page pools the
 * kernel reports (sysfs and /proc/meminfo, the kernel's own counts), the
 * page size and huge page figures /proc/self/smaps gives a mapping, and
 * huge-page-aligned private anonymous blocks for transparent huge pages.
 *
 * hugetlb cases need reserved pages (vm.nr_hugepages); where the pool of
 * the size they use has no free page they end UNSUPPORTED, naming the
 * count: the kernel's own figure, which no broken mmap() can fake.  Cases
 * never change the pools: ci/vm-run's guests reserve pages before a run.
 */
#ifndef HUGEPAGES_H
#define HUGEPAGES_H

#include "mmapcts.h"

#include <stdlib.h>
#include <sys/ipc.h>
#include <sys/shm.h>

#ifndef SHM_HUGETLB
#define SHM_HUGETLB 0	/* Linux only */
#endif

#define MIB ((size_t)1 << 20)
/* The size of a transparent huge page here (a PMD: 2 MiB on x86-64 and
 * 4 KiB-page arm64, 32 MiB on 16 KiB-page arm64), 2 MiB where sysfs does
 * not say. */
#define THP_SIZE thp_size()

/* The PMD size of transparent huge pages (sysfs hpage_pmd_size), or 0
 * where the kernel has no transparent huge pages. */
static inline size_t thp_pmd_size(void)
{
	FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/hpage_pmd_size", "r");
	unsigned long long n = 0;

	if (!f)
		return 0;
	if (fscanf(f, "%llu", &n) != 1)
		n = 0;
	fclose(f);
	return (size_t)n;
}

static inline size_t thp_size(void)
{
	size_t pmd = thp_pmd_size();

	return pmd ? pmd : 2 * MIB;
}

/* A figure of the pool of huge pages of size bytes ("free_hugepages",
 * "nr_overcommit_hugepages"); -1 where the kernel has no such pool. */
static inline long long huge_pool(size_t size, const char *what)
{
	char path[128];
	FILE *f;
	long long n = -1;

	snprintf(path, sizeof(path), "/sys/kernel/mm/hugepages/hugepages-%zukB/%s",
		 size / 1024, what);
	f = fopen(path, "r");
	if (!f)
		return -1;
	if (fscanf(f, "%lld", &n) != 1)
		n = -1;
	fclose(f);
	return n;
}

/*
 * The helpers from here on are called through a macro of their name that
 * passes the case's file and line; inside them MMAPCTS_HERE is those, so a
 * setup call, check or verdict in them names the case's line, never this
 * header's.
 */
#undef MMAPCTS_HERE
#define MMAPCTS_HERE file, line

/* The default huge page size (Hugepagesize in /proc/meminfo): UNSUPPORTED
 * where the kernel has none (no hugetlb), which a kernel that has it
 * always reports. */
static inline size_t huge_page_size_(const char *file, int line)
{
	if (access("/sys/kernel/mm/hugepages", F_OK) != 0)
		UNSUPPORTED("no /sys/kernel/mm/hugepages: a kernel without hugetlb pages");
	return (size_t)meminfo_bytes("Hugepagesize");
}
#define huge_page_size() huge_page_size_(MMAPCTS_HERE)

/*
 * Huge pages of size bytes free for the case: the pool's free count less
 * the pages other mappings have reserved (HugePages_Rsvd, for the default
 * size).  UNSUPPORTED, naming the count, where fewer than n are free.
 */
static inline void require_huge_pages_(const char *file, int line, size_t size, long long n)
{
	long long free_pages = huge_pool(size, "free_hugepages");
	long long rsvd = huge_pool(size, "resv_hugepages");

	if (free_pages < 0)
		UNSUPPORTED("no pool of %zu kB huge pages (/sys/kernel/mm/hugepages)",
			    size / 1024);
	OBSERVE("huge_pages_free", "%lld", free_pages);
	if (rsvd > 0)
		free_pages -= rsvd;
	if (free_pages < n)
		UNSUPPORTED("no huge pages reserved (HugePages_Free %lld of %zu kB, %lld "
			    "needed): vm.nr_hugepages", free_pages, size / 1024, n);
}
#define require_huge_pages(size, n) require_huge_pages_(MMAPCTS_HERE, (size), (n))

/*
 * The sum of the "key:  N kB" lines of /proc/self/smaps, in bytes, over
 * the mappings that overlap [addr, addr + len): AnonHugePages,
 * KernelPageSize.  UNTESTED where smaps cannot be read.
 */
static inline size_t smaps_bytes_(const char *file, int line, const void *addr, size_t len,
				  const char *key)
{
	FILE *f = fopen("/proc/self/smaps", "r");
	uintptr_t a = (uintptr_t)addr;
	size_t klen = strlen(key), sum = 0;
	int here = 0, seen = 0;
	char l[512];

	if (!f)
		UNTESTED("/proc/self/smaps cannot be read: %s", errno_name(errno));
	while (fgets(l, sizeof(l), f)) {
		unsigned long start, end;
		char c;

		if (sscanf(l, "%lx-%lx %c", &start, &end, &c) == 3 && strchr(l, '-') < strchr(l, ' '))
			here = start < a + len && a < end;
		else if (here && !strncmp(l, key, klen) && l[klen] == ':') {
			sum += (size_t)strtoull(l + klen + 1, NULL, 10) * 1024;
			seen = 1;
		}
	}
	fclose(f);
	if (!seen)
		UNTESTED("/proc/self/smaps has no %s line for the mapping", key);
	return sum;
}
#define smaps_bytes(addr, len, key) smaps_bytes_(MMAPCTS_HERE, (addr), (len), (key))

/*
 * n blocks of THP_SIZE bytes of private anonymous read-write memory,
 * THP_SIZE-aligned and a mapping of their own (PROT_NONE reservation on
 * both sides), so its smaps figures are its own.  UNSUPPORTED where the
 * kernel has no transparent huge pages; UNTESTED where they are so large
 * (over 64 MiB) that the case would need most of a small machine.
 */
static inline unsigned char *thp_blocks_(const char *file, int line, size_t n)
{
	size_t pmd = thp_pmd_size();
	unsigned char *area, *p;

	if (!pmd)
		UNSUPPORTED("no /sys/kernel/mm/transparent_hugepage/hpage_pmd_size: a kernel "
			    "without transparent huge pages");
	/* 512 MiB on 64 KiB-page arm64: a few of them fill a test guest. */
	if (pmd > 64 * MIB)
		UNTESTED("transparent huge pages of %zu MiB here: %zu of them and one on each "
			 "side would take more memory than the case may use", pmd / MIB, n);
	area = reserve((n + 2) * THP_SIZE);
	p = (unsigned char *)(((uintptr_t)area + 2 * THP_SIZE - 1) & ~(uintptr_t)(THP_SIZE - 1));
	return SAFE_MAP_ANON(p, n * THP_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED);
}
#define thp_blocks(n) thp_blocks_(MMAPCTS_HERE, (n))

/*
 * madvise(MADV_COLLAPSE) of [addr, addr + len), which must succeed: EINVAL
 * before Linux 6.1 is UNSUPPORTED (FEATURE_REFUSED), ENOMEM (no huge page
 * to be had) and EAGAIN twice in a row (madvise(2): a resource temporarily
 * unavailable) leave the case nothing to decide: UNTESTED.
 */
static inline void collapse_(const char *file, int line, void *addr, size_t len)
{
	int r = madvise(addr, len, MADV_COLLAPSE);

	if (r && errno == EAGAIN)
		r = madvise(addr, len, MADV_COLLAPSE);
	if (r == 0)
		return;
	if (errno == ENOMEM || errno == EAGAIN)
		UNTESTED("madvise(MADV_COLLAPSE) found no huge page to collapse into (%s)",
			 errno_name(errno));
	if (errno == EINVAL)
		FEATURE_REFUSED("madvise(MADV_COLLAPSE)", "6.1", errno);
	FAIL("madvise(MADV_COLLAPSE) of %zu bytes failed with %s, expected success", len,
	     errno_name(errno));
}
#define COLLAPSE(addr, len) collapse_(MMAPCTS_HERE, (addr), (len))


/* The default huge page size, with at least n pages of it free for the
 * case (UNSUPPORTED, naming the count, otherwise). */
static inline size_t huge_pages_for_case_(const char *file, int line, long long n)
{
	size_t huge = huge_page_size_(file, line);

	require_huge_pages_(file, line, huge, n);
	return huge;
}
#define huge_pages_for_case(n) huge_pages_for_case_(MMAPCTS_HERE, (n))

/* A MFD_HUGETLB memfd of len bytes (a multiple of the huge page size), or
 * FEATURE_REFUSED before Linux 4.14. */
static inline int huge_memfd_(const char *file, int line, size_t len)
{
	int fd = memfd_create("mmapcts-huge", MFD_HUGETLB);

	if (fd < 0 && (errno == EINVAL || errno == ENOSYS))
		FEATURE_REFUSED("memfd_create(MFD_HUGETLB)", "4.14", errno);
	if (fd < 0)
		UNRESOLVED("memfd_create(MFD_HUGETLB) failed: %s", errno_name(errno));
	SAFE_FTRUNCATE(fd, (off_t)len);
	return fd;
}
#define huge_memfd(len) huge_memfd_(MMAPCTS_HERE, (len))

/* A file of len bytes (a multiple of the huge page size) on a hugetlbfs
 * mounted for the case (hugetlbfs_mount(): call it in a child), open O_RDWR. */
static inline int hugetlbfs_file_(const char *file, int line, size_t len)
{
	char path[64];
	int fd;

	snprintf(path, sizeof(path), "%s/object", hugetlbfs_mount());
	fd = SAFE_OPEN(path, O_RDWR | O_CREAT | O_EXCL, 0600);
	SAFE_FTRUNCATE(fd, (off_t)len);
	return fd;
}
#define hugetlbfs_file(len) hugetlbfs_file_(MMAPCTS_HERE, (len))

/* n bytes of address space reserved (PROT_NONE) starting at an address
 * aligned to align: room for MAP_FIXED or MREMAP_FIXED. */
static inline unsigned char *aligned_room(size_t n, size_t align)
{
	unsigned char *area = reserve(n + align);

	return (unsigned char *)(((uintptr_t)area + align - 1) & ~(uintptr_t)(align - 1));
}

/*
 * A hugetlb mapping of len bytes (rounded up to the huge page size by the
 * kernel) on the backing named:
 *	"private", "shared"	mmap(MAP_ANONYMOUS | MAP_HUGETLB) of that type
 *	"memfd"			memfd_create(MFD_HUGETLB) sized to len rounded up
 *				to huge_size, mapped with type (MAP_SHARED if 0)
 *	"shm"			shmget(SHM_HUGETLB), attached, then removed (it
 *				lives while attached)
 * Returns the mapping, or MAP_FAILED with errno as the call that refused
 * it left it: the case decides.  memfd_create() refusing MFD_HUGETLB with
 * EINVAL is FEATURE_REFUSED (Linux 4.14); other setup is SAFE_.
 */
static inline void *map_huge_(const char *file, int line, const char *backing, size_t len,
			      size_t huge_size, int type)
{
	if (!strcmp(backing, "private") || !strcmp(backing, "shared"))
		return mmap(NULL, len, PROT_READ | PROT_WRITE,
			    (!strcmp(backing, "private") ? MAP_PRIVATE : MAP_SHARED) |
			    MAP_ANONYMOUS | MAP_HUGETLB, -1, 0);
	if (!strcmp(backing, "memfd")) {
		int fd = huge_memfd_(file, line, (len + huge_size - 1) / huge_size * huge_size);
		void *p;
		int err;

		p = mmap(NULL, len, PROT_READ | PROT_WRITE, type ? type : MAP_SHARED, fd, 0);
		err = errno;
		close(fd);
		errno = err;
		return p;
	}
	if (!strcmp(backing, "shm")) {
		int id = shmget(IPC_PRIVATE, len, IPC_CREAT | 0600 | SHM_HUGETLB);
		void *p;
		int err;

		if (id < 0)
			return MAP_FAILED;
		p = shmat(id, NULL, 0);
		err = errno;
		shmctl(id, IPC_RMID, NULL);
		errno = err;
		return p == (void *)-1 ? MAP_FAILED : p;
	}
	UNRESOLVED("no hugetlb backing \"%s\"", backing);
}
#define map_huge(backing, len, huge_size, type)                                \
	map_huge_(MMAPCTS_HERE, (backing), (len), (huge_size), (type))

/* Undo map_huge(): shmdt() for "shm", munmap() of len rounded up to
 * huge_size otherwise; either must succeed (SAFE_). */
static inline void unmap_huge_(const char *file, int line, const char *backing, void *p,
			       size_t len, size_t huge_size)
{
	if (!strcmp(backing, "shm")) {
		if (shmdt(p) != 0)
			UNRESOLVED("shmdt() failed: %s", errno_name(errno));
		return;
	}
	SAFE_MUNMAP(p, (len + huge_size - 1) / huge_size * huge_size);
}
#define unmap_huge(backing, p, len, huge_size)                                 \
	unmap_huge_(MMAPCTS_HERE, (backing), (p), (len), (huge_size))

#undef MMAPCTS_HERE
#define MMAPCTS_HERE __FILE__, __LINE__

#endif
