/*
 * compat.h - stand-ins for what this system lacks, so every case builds.
 *
 * configure sets HAVE_<FEATURE> to 0 or 1.  Where a feature is missing, the
 * name still exists here (a flag of 0, a function failing with ENOSYS); a
 * case that uses it declares the feature in .needs, and the case library
 * reports UNSUPPORTED before the body could ever reach a stand-in.
 * This is the only file with #if on features; cases have none.  In the
 * strict-POSIX build it also stands between the strict files and every
 * Linux name (below).
 */
#ifndef MMAPCTS_COMPAT_H
#define MMAPCTS_COMPAT_H

#include <errno.h>
#include <stddef.h>
#include <sys/mman.h>
#include <sys/types.h>

/*
 * The strict-POSIX build (configure --enable-strict-posix): the headers give
 * only POSIX.1-2008 and XSI, so Linux names are undeclared.  Each becomes a
 * reference to a symbol nobody defines: a group header's helper that uses
 * one still compiles (no #if in group headers), and a posix-profile case or
 * a strict lib/ file that reaches it fails to link, naming it
 * (mmapcts_not_posix_madvise): such a case is linux-profile, or the step
 * belongs in lib/linux.c.  They come first, so that the stand-ins below
 * never give a strict file a quiet 0.
 */
#if defined(MMAPCTS_STRICT_POSIX) && MMAPCTS_STRICT_POSIX
/* POSIX.1-2024 has MAP_ANONYMOUS; headers in 2008 mode may hide it: the
 * system's own value, which configure read with the extensions on. */
#if !defined(MAP_ANONYMOUS) && defined(MAP_ANON)
#define MAP_ANONYMOUS MAP_ANON
#elif !defined(MAP_ANONYMOUS) && defined(MMAPCTS_SYSTEM_MAP_ANONYMOUS)
#define MAP_ANONYMOUS MMAPCTS_SYSTEM_MAP_ANONYMOUS
#endif
#ifndef MAP_FIXED_NOREPLACE
extern const int mmapcts_not_posix_MAP_FIXED_NOREPLACE;
#define MAP_FIXED_NOREPLACE mmapcts_not_posix_MAP_FIXED_NOREPLACE
#endif
#ifndef MAP_SHARED_VALIDATE
extern const int mmapcts_not_posix_MAP_SHARED_VALIDATE;
#define MAP_SHARED_VALIDATE mmapcts_not_posix_MAP_SHARED_VALIDATE
#endif
#ifndef MAP_NORESERVE
extern const int mmapcts_not_posix_MAP_NORESERVE;
#define MAP_NORESERVE mmapcts_not_posix_MAP_NORESERVE
#endif
#ifndef MAP_POPULATE
extern const int mmapcts_not_posix_MAP_POPULATE;
#define MAP_POPULATE mmapcts_not_posix_MAP_POPULATE
#endif
#ifndef MAP_LOCKED
extern const int mmapcts_not_posix_MAP_LOCKED;
#define MAP_LOCKED mmapcts_not_posix_MAP_LOCKED
#endif
#ifndef MAP_STACK
extern const int mmapcts_not_posix_MAP_STACK;
#define MAP_STACK mmapcts_not_posix_MAP_STACK
#endif
#ifndef MAP_HUGETLB
extern const int mmapcts_not_posix_MAP_HUGETLB;
#define MAP_HUGETLB mmapcts_not_posix_MAP_HUGETLB
#endif
#ifndef MAP_HUGE_SHIFT
extern const int mmapcts_not_posix_MAP_HUGE_SHIFT;
#define MAP_HUGE_SHIFT mmapcts_not_posix_MAP_HUGE_SHIFT
#endif
#ifndef MAP_32BIT
extern const int mmapcts_not_posix_MAP_32BIT;
#define MAP_32BIT mmapcts_not_posix_MAP_32BIT
#endif
#ifndef MAP_DROPPABLE
extern const int mmapcts_not_posix_MAP_DROPPABLE;
#define MAP_DROPPABLE mmapcts_not_posix_MAP_DROPPABLE
#endif
#ifndef MREMAP_MAYMOVE
extern const int mmapcts_not_posix_MREMAP_MAYMOVE;
#define MREMAP_MAYMOVE mmapcts_not_posix_MREMAP_MAYMOVE
#endif
#ifndef MREMAP_FIXED
extern const int mmapcts_not_posix_MREMAP_FIXED;
#define MREMAP_FIXED mmapcts_not_posix_MREMAP_FIXED
#endif
#ifndef MREMAP_DONTUNMAP
extern const int mmapcts_not_posix_MREMAP_DONTUNMAP;
#define MREMAP_DONTUNMAP mmapcts_not_posix_MREMAP_DONTUNMAP
#endif
#ifndef MADV_DONTNEED
extern const int mmapcts_not_posix_MADV_DONTNEED;
#define MADV_DONTNEED mmapcts_not_posix_MADV_DONTNEED
#endif
#ifndef MADV_DONTFORK
extern const int mmapcts_not_posix_MADV_DONTFORK;
#define MADV_DONTFORK mmapcts_not_posix_MADV_DONTFORK
#endif
#ifndef MADV_DOFORK
extern const int mmapcts_not_posix_MADV_DOFORK;
#define MADV_DOFORK mmapcts_not_posix_MADV_DOFORK
#endif
#ifndef MADV_WIPEONFORK
extern const int mmapcts_not_posix_MADV_WIPEONFORK;
#define MADV_WIPEONFORK mmapcts_not_posix_MADV_WIPEONFORK
#endif
#ifndef MADV_KEEPONFORK
extern const int mmapcts_not_posix_MADV_KEEPONFORK;
#define MADV_KEEPONFORK mmapcts_not_posix_MADV_KEEPONFORK
#endif
#ifndef MADV_FREE
extern const int mmapcts_not_posix_MADV_FREE;
#define MADV_FREE mmapcts_not_posix_MADV_FREE
#endif
#ifndef MADV_PAGEOUT
extern const int mmapcts_not_posix_MADV_PAGEOUT;
#define MADV_PAGEOUT mmapcts_not_posix_MADV_PAGEOUT
#endif
#ifndef MADV_POPULATE_READ
extern const int mmapcts_not_posix_MADV_POPULATE_READ;
#define MADV_POPULATE_READ mmapcts_not_posix_MADV_POPULATE_READ
#endif
#ifndef MADV_POPULATE_WRITE
extern const int mmapcts_not_posix_MADV_POPULATE_WRITE;
#define MADV_POPULATE_WRITE mmapcts_not_posix_MADV_POPULATE_WRITE
#endif
#ifndef MADV_GUARD_INSTALL
extern const int mmapcts_not_posix_MADV_GUARD_INSTALL;
#define MADV_GUARD_INSTALL mmapcts_not_posix_MADV_GUARD_INSTALL
#endif
#ifndef MADV_GUARD_REMOVE
extern const int mmapcts_not_posix_MADV_GUARD_REMOVE;
#define MADV_GUARD_REMOVE mmapcts_not_posix_MADV_GUARD_REMOVE
#endif
#ifndef MADV_HUGEPAGE
extern const int mmapcts_not_posix_MADV_HUGEPAGE;
#define MADV_HUGEPAGE mmapcts_not_posix_MADV_HUGEPAGE
#endif
#ifndef MADV_NOHUGEPAGE
extern const int mmapcts_not_posix_MADV_NOHUGEPAGE;
#define MADV_NOHUGEPAGE mmapcts_not_posix_MADV_NOHUGEPAGE
#endif
#ifndef MADV_COLLAPSE
extern const int mmapcts_not_posix_MADV_COLLAPSE;
#define MADV_COLLAPSE mmapcts_not_posix_MADV_COLLAPSE
#endif
#ifndef MCL_ONFAULT
extern const int mmapcts_not_posix_MCL_ONFAULT;
#define MCL_ONFAULT mmapcts_not_posix_MCL_ONFAULT
#endif
#ifndef MLOCK_ONFAULT
extern const int mmapcts_not_posix_MLOCK_ONFAULT;
#define MLOCK_ONFAULT mmapcts_not_posix_MLOCK_ONFAULT
#endif
#ifndef MFD_CLOEXEC
extern const int mmapcts_not_posix_MFD_CLOEXEC;
#define MFD_CLOEXEC mmapcts_not_posix_MFD_CLOEXEC
#endif
#ifndef MFD_ALLOW_SEALING
extern const int mmapcts_not_posix_MFD_ALLOW_SEALING;
#define MFD_ALLOW_SEALING mmapcts_not_posix_MFD_ALLOW_SEALING
#endif
#ifndef MFD_HUGETLB
extern const int mmapcts_not_posix_MFD_HUGETLB;
#define MFD_HUGETLB mmapcts_not_posix_MFD_HUGETLB
#endif
#ifndef F_ADD_SEALS
extern const int mmapcts_not_posix_F_ADD_SEALS;
#define F_ADD_SEALS mmapcts_not_posix_F_ADD_SEALS
#endif
#ifndef F_GET_SEALS
extern const int mmapcts_not_posix_F_GET_SEALS;
#define F_GET_SEALS mmapcts_not_posix_F_GET_SEALS
#endif
#ifndef F_SEAL_SEAL
extern const int mmapcts_not_posix_F_SEAL_SEAL;
#define F_SEAL_SEAL mmapcts_not_posix_F_SEAL_SEAL
#endif
#ifndef F_SEAL_SHRINK
extern const int mmapcts_not_posix_F_SEAL_SHRINK;
#define F_SEAL_SHRINK mmapcts_not_posix_F_SEAL_SHRINK
#endif
#ifndef F_SEAL_GROW
extern const int mmapcts_not_posix_F_SEAL_GROW;
#define F_SEAL_GROW mmapcts_not_posix_F_SEAL_GROW
#endif
#ifndef F_SEAL_WRITE
extern const int mmapcts_not_posix_F_SEAL_WRITE;
#define F_SEAL_WRITE mmapcts_not_posix_F_SEAL_WRITE
#endif
#ifndef O_PATH
extern const int mmapcts_not_posix_O_PATH;
#define O_PATH mmapcts_not_posix_O_PATH
#endif
#ifndef O_TMPFILE
extern const int mmapcts_not_posix_O_TMPFILE;
#define O_TMPFILE mmapcts_not_posix_O_TMPFILE
#endif
#ifndef SEGV_PKUERR
extern const int mmapcts_not_posix_SEGV_PKUERR;
#define SEGV_PKUERR mmapcts_not_posix_SEGV_PKUERR
#endif
#ifndef PKEY_DISABLE_ACCESS
extern const int mmapcts_not_posix_PKEY_DISABLE_ACCESS;
#define PKEY_DISABLE_ACCESS mmapcts_not_posix_PKEY_DISABLE_ACCESS
#endif
#ifndef PKEY_DISABLE_WRITE
extern const int mmapcts_not_posix_PKEY_DISABLE_WRITE;
#define PKEY_DISABLE_WRITE mmapcts_not_posix_PKEY_DISABLE_WRITE
#endif
void *mmapcts_not_posix_mremap(void *old, size_t old_len, size_t new_len, int flags, ...);
#define mremap mmapcts_not_posix_mremap
int mmapcts_not_posix_memfd_create(const char *name, unsigned flags);
#define memfd_create mmapcts_not_posix_memfd_create
int mmapcts_not_posix_remap_file_pages(void *addr, size_t size, int prot, size_t pgoff, int flags);
#define remap_file_pages mmapcts_not_posix_remap_file_pages
int mmapcts_not_posix_mlock2(const void *addr, size_t len, unsigned int flags);
#define mlock2 mmapcts_not_posix_mlock2
int mmapcts_not_posix_mincore(void *addr, size_t len, unsigned char *vec);
#define mincore mmapcts_not_posix_mincore
int mmapcts_not_posix_madvise(void *addr, size_t len, int advice);
#define madvise mmapcts_not_posix_madvise
int mmapcts_not_posix_pkey_alloc(unsigned int flags, unsigned int rights);
#define pkey_alloc mmapcts_not_posix_pkey_alloc
int mmapcts_not_posix_pkey_free(int key);
#define pkey_free mmapcts_not_posix_pkey_free
int mmapcts_not_posix_pkey_mprotect(void *addr, size_t len, int prot, int key);
#define pkey_mprotect mmapcts_not_posix_pkey_mprotect
int mmapcts_not_posix_pkey_set(int key, unsigned int rights);
#define pkey_set mmapcts_not_posix_pkey_set
int mmapcts_not_posix_pkey_get(int key);
#define pkey_get mmapcts_not_posix_pkey_get
struct iovec;
ssize_t mmapcts_not_posix_process_madvise(int pidfd, const struct iovec *iov, size_t n,
					  int advice, unsigned flags);
#define process_madvise mmapcts_not_posix_process_madvise
#endif /* MMAPCTS_STRICT_POSIX */

#if !defined(MAP_ANONYMOUS) && defined(MAP_ANON)
#define MAP_ANONYMOUS MAP_ANON
#endif
#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0
#endif
#ifndef MAP_SHARED_VALIDATE
#define MAP_SHARED_VALIDATE 0
#endif
#ifndef MAP_NORESERVE
#define MAP_NORESERVE 0
#endif
#ifndef MAP_POPULATE
#define MAP_POPULATE 0
#endif
#ifndef MREMAP_MAYMOVE
#define MREMAP_MAYMOVE 0
#endif
#ifndef MREMAP_FIXED
#define MREMAP_FIXED 0
#endif
#ifndef MREMAP_DONTUNMAP
#define MREMAP_DONTUNMAP 0
#endif
#ifndef MADV_DONTNEED
#define MADV_DONTNEED 0
#endif
#ifndef MADV_DONTFORK
#define MADV_DONTFORK 0
#define MADV_DOFORK 0
#endif
#ifndef MADV_WIPEONFORK
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
#ifndef F_SEAL_WRITE
#define F_ADD_SEALS 0
#define F_GET_SEALS 0
#define F_SEAL_SEAL 0
#define F_SEAL_SHRINK 0
#define F_SEAL_GROW 0
#define F_SEAL_WRITE 0
#endif
#ifndef O_PATH
#define O_PATH 0
#endif
/* Linux mmap() flags the limits cases pass (Linux-profile cases only). */
#ifndef MAP_STACK
#define MAP_STACK 0
#endif
#ifndef MAP_LOCKED
#define MAP_LOCKED 0
#endif
#ifndef MCL_ONFAULT
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
#if !HAVE_PKEY_ALLOC && !defined(pkey_alloc)
static inline int pkey_alloc(unsigned int flags, unsigned int rights) MMAPCTS_STUB(-1)
static inline int pkey_free(int key) MMAPCTS_STUB(-1)
static inline int pkey_mprotect(void *addr, size_t len, int prot, int key) MMAPCTS_STUB(-1)
static inline int pkey_set(int key, unsigned int rights) MMAPCTS_STUB(-1)
static inline int pkey_get(int key) MMAPCTS_STUB(-1)
#endif

#if !HAVE_MREMAP && !defined(mremap)
static inline void *mremap(void *old, size_t old_len, size_t new_len, int flags, ...)
MMAPCTS_STUB(MAP_FAILED)
#endif
#if !HAVE_MEMFD_CREATE && !defined(memfd_create)
static inline int memfd_create(const char *name, unsigned flags) MMAPCTS_STUB(-1)
#endif
#if !HAVE_REMAP_FILE_PAGES && !defined(remap_file_pages)
static inline int remap_file_pages(void *addr, size_t size, int prot, size_t pgoff,
				   int flags) MMAPCTS_STUB(-1)
#endif
#if !HAVE_MLOCK2 && !defined(mlock2)
static inline int mlock2(const void *addr, size_t len, unsigned int flags) MMAPCTS_STUB(-1)
#endif
#if !HAVE_MINCORE && !defined(mincore)
static inline int mincore(void *addr, size_t len, unsigned char *vec) MMAPCTS_STUB(-1)
#endif
#if !HAVE_MADVISE && !defined(madvise)
static inline int madvise(void *addr, size_t len, int advice) MMAPCTS_STUB(-1)
#endif
#if !HAVE_POSIX_MADVISE
static inline int posix_madvise(void *addr, size_t len, int advice) { return ENOSYS; }
#endif
#if !HAVE_PROCESS_MADVISE && !defined(process_madvise)
struct iovec;
static inline ssize_t process_madvise(int pidfd, const struct iovec *iov, size_t n,
				      int advice, unsigned flags) MMAPCTS_STUB(-1)
#endif
#if !HAVE_SHM_OPEN
static inline int shm_open(const char *name, int flags, mode_t mode) MMAPCTS_STUB(-1)
static inline int shm_unlink(const char *name) MMAPCTS_STUB(-1)
#endif

#endif /* MMAPCTS_COMPAT_H */
