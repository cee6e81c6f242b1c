/*
 * compat.h - stand-ins for what this system lacks, so every case builds.
 *
 * configure sets HAVE_<FEATURE> to 0 or 1.  Where a feature is missing, the
 * name still exists here (a flag of 0, a function failing with ENOSYS); a
 * case that uses it declares the feature in .needs, and the case library
 * reports UNSUPPORTED before the body could ever reach a stand-in.
 * This is the only file with #if on features; cases have none.
 */
#ifndef MMAPCTS_COMPAT_H
#define MMAPCTS_COMPAT_H

#include <errno.h>
#include <stddef.h>
#include <sys/mman.h>
#include <sys/types.h>

#if !HAVE_MAP_ANONYMOUS && defined(MAP_ANON)
#define MAP_ANONYMOUS MAP_ANON
#endif
#if !HAVE_MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0
#endif
#if !HAVE_MAP_SHARED_VALIDATE
#define MAP_SHARED_VALIDATE 0
#endif
#if !HAVE_MAP_NORESERVE
#define MAP_NORESERVE 0
#endif
#if !HAVE_MAP_POPULATE
#define MAP_POPULATE 0
#endif
#if !HAVE_MREMAP_MAYMOVE
#define MREMAP_MAYMOVE 0
#endif
#if !HAVE_MREMAP_FIXED
#define MREMAP_FIXED 0
#endif
#if !HAVE_MREMAP_DONTUNMAP
#define MREMAP_DONTUNMAP 0
#endif
#if !HAVE_MADV_DONTNEED
#define MADV_DONTNEED 0
#endif
#if !HAVE_MADV_DONTFORK
#define MADV_DONTFORK 0
#define MADV_DOFORK 0
#endif
#if !HAVE_MADV_WIPEONFORK
#define MADV_WIPEONFORK 0
#define MADV_KEEPONFORK 0
#endif
/* Linux advice and flags newer than some libcs' headers, with the values of
 * <asm-generic/mman-common.h>; only linux-profile cases use them, and a
 * kernel without them refuses them with EINVAL (FEATURE_REFUSED decides). */
#ifndef MADV_FREE
#define MADV_FREE 8
#endif
#ifndef MADV_PAGEOUT
#define MADV_PAGEOUT 21
#endif
#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ 22
#define MADV_POPULATE_WRITE 23
#endif
#ifndef MADV_GUARD_INSTALL
#define MADV_GUARD_INSTALL 102
#define MADV_GUARD_REMOVE 103
#endif
#ifndef MADV_NOHUGEPAGE
#define MADV_NOHUGEPAGE 15
#endif
#ifndef MAP_LOCKED
#define MAP_LOCKED 0
#endif
#if !HAVE_F_SEAL_WRITE
#define F_ADD_SEALS 0
#define F_GET_SEALS 0
#define F_SEAL_SEAL 0
#define F_SEAL_SHRINK 0
#define F_SEAL_GROW 0
#define F_SEAL_WRITE 0
#endif
#if !HAVE_O_PATH
#define O_PATH 0
#endif
/* Linux mmap() flags the limits cases pass (Linux-profile cases only). */
#ifndef MAP_STACK
#define MAP_STACK 0
#endif
#if !HAVE_MAP_LOCKED
#define MAP_LOCKED 0
#endif
#if !HAVE_MCL_ONFAULT
#define MCL_ONFAULT 0
#endif
#ifndef MLOCK_ONFAULT
#define MLOCK_ONFAULT 0U
#endif
#ifndef MFD_CLOEXEC
#define MFD_CLOEXEC 0U
#endif
#ifndef MFD_ALLOW_SEALING
#define MFD_ALLOW_SEALING 0U
#endif
#ifndef MADV_HUGEPAGE
#define MADV_HUGEPAGE 0		/* Linux only: MADV_NORMAL, no advice, elsewhere */
#endif
/* Huge pages (the hugepages group): Linux-only; 0 elsewhere, where the
 * cases end UNSUPPORTED before using them (no /sys/kernel/mm/hugepages). */
#ifndef MADV_COLLAPSE
#define MADV_COLLAPSE 25	/* Linux 6.1, glibc 2.37 */
#endif
#ifndef MAP_HUGETLB
#define MAP_HUGETLB 0
#endif
#ifndef MAP_HUGE_SHIFT
#define MAP_HUGE_SHIFT 26
#endif
#ifndef MFD_HUGETLB
#define MFD_HUGETLB 0U
#endif

/* Linux advice and flags of the cow group (madvise(2), memfd_create(2),
 * open(2), mmap(2));
 * 0 elsewhere, where the cases that give them are linux-profile. */
#ifndef MADV_PAGEOUT
#define MADV_PAGEOUT 0
#endif
#ifndef MADV_HUGEPAGE
#define MADV_HUGEPAGE 0
#endif
#ifndef MFD_HUGETLB
#define MFD_HUGETLB 0U
#endif
#ifndef MAP_HUGETLB
#define MAP_HUGETLB 0
#endif
#ifndef O_TMPFILE
#define O_TMPFILE 0
#endif

#define MMAPCTS_STUB(ret) { errno = ENOSYS; return ret; }

/* Linux-only layout flags and protection keys (the seal group and
 * anon/map-32bit-*, anon/droppable-*): 0 or stand-ins elsewhere; the cases
 * that use them are .profile "linux" and probe kernel_at_least() first. */
#ifndef MAP_32BIT
#define MAP_32BIT 0
#endif
#if !defined(MAP_DROPPABLE) && defined(__linux__)
#define MAP_DROPPABLE 0x08	/* Linux 6.11, <linux/mman.h> */
#elif !defined(MAP_DROPPABLE)
#define MAP_DROPPABLE 0
#endif
#ifndef SEGV_PKUERR
#define SEGV_PKUERR (-4)
#endif
#ifndef PKEY_DISABLE_ACCESS
#define PKEY_DISABLE_ACCESS 0x1
#define PKEY_DISABLE_WRITE 0x2
#endif
#if !HAVE_PKEY_ALLOC
static inline int pkey_alloc(unsigned int flags, unsigned int rights) MMAPCTS_STUB(-1)
static inline int pkey_free(int key) MMAPCTS_STUB(-1)
static inline int pkey_mprotect(void *addr, size_t len, int prot, int key) MMAPCTS_STUB(-1)
static inline int pkey_set(int key, unsigned int rights) MMAPCTS_STUB(-1)
static inline int pkey_get(int key) MMAPCTS_STUB(-1)
#endif

#if !HAVE_MREMAP
static inline void *mremap(void *old, size_t old_len, size_t new_len, int flags, ...)
MMAPCTS_STUB(MAP_FAILED)
#endif
#if !HAVE_MEMFD_CREATE
static inline int memfd_create(const char *name, unsigned flags) MMAPCTS_STUB(-1)
#endif
#if !HAVE_REMAP_FILE_PAGES
static inline int remap_file_pages(void *addr, size_t size, int prot, size_t pgoff,
				   int flags) MMAPCTS_STUB(-1)
#endif
#if !HAVE_MLOCK2
static inline int mlock2(const void *addr, size_t len, unsigned int flags) MMAPCTS_STUB(-1)
#endif
#if !HAVE_MINCORE
static inline int mincore(void *addr, size_t len, unsigned char *vec) MMAPCTS_STUB(-1)
#endif
#if !HAVE_MADVISE
static inline int madvise(void *addr, size_t len, int advice) MMAPCTS_STUB(-1)
#endif
#if !HAVE_POSIX_MADVISE
static inline int posix_madvise(void *addr, size_t len, int advice) { return ENOSYS; }
#endif
#if !HAVE_PROCESS_MADVISE
struct iovec;
static inline ssize_t process_madvise(int pidfd, const struct iovec *iov, size_t n,
				      int advice, unsigned flags) MMAPCTS_STUB(-1)
#endif
#if !HAVE_SHM_OPEN
static inline int shm_open(const char *name, int flags, mode_t mode) MMAPCTS_STUB(-1)
static inline int shm_unlink(const char *name) MMAPCTS_STUB(-1)
#endif

#endif /* MMAPCTS_COMPAT_H */
