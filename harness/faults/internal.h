/*
 * internal.h - what the files of mmapcts-faults.so share.
 *
 * A new fault is a line in faults.h (name, group, description: the runner
 * lists them) and one FAULT() definition in the file of the interface it
 * bends, next to the hooks it names:
 *
 *   mmap.c        how mmap() reads its flags and reports errors
 *   mmap-file.c   what mmap() makes of a file
 *   mmap-anon.c   the anonymous memory mmap() hands out
 *   protection.c  what a protection means, in mmap() and mprotect() alike
 *   io.c          close(), ftruncate(), read() and write()
 *   madvise.c     what advice does to the pages
 *   mincore.c     what mincore() reports
 *   mlock.c       what mlock() locks
 *   signals.c     sigaction()
 *   and munmap.c, mprotect.c, fork.c, exec.c, sbrk.c for those calls
 *
 * A hook replaces its interface while the fault is active and nothing else;
 * a fault that bends several interfaces names a hook for each.  Name the
 * narrowest slot that does the job (FAULT_HOOKS below): `make faults` runs
 * under a fault only the cases that reached one of its slots in a trace
 * run, so a fault that bends only file mappings says .mmap_file, one that
 * acts only where the kernel refused says .mmap_failed.  The
 * interposers (interpose.c) keep the same books around every hook: the
 * mappings and locks the case asked for.  common.c builds the table from
 * faults.h, so a fault with no definition, or two, does not link, and the
 * library refuses to load with one that names no hook.  Then `make faults`
 * must report it caught: a case that passes here goes red (FAIL, TIMEOUT,
 * CRASH) under it.
 */
#ifndef MMAPCTS_FAULTS_INTERNAL_H
#define MMAPCTS_FAULTS_INTERNAL_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/shm.h>
#include <sys/types.h>
#include <sys/uio.h>

#include "faults.h"

#ifndef MAP_ANONYMOUS
#define MAP_ANONYMOUS MAP_ANON
#endif
#define MAP_KIND (MAP_SHARED | MAP_PRIVATE)

/* setrlimit()'s first parameter: an enum in glibc's GNU mode, int elsewhere. */
#if defined(__GLIBC__) && defined(_GNU_SOURCE)
typedef __rlimit_resource_t rlimit_resource;
#else
typedef int rlimit_resource;
#endif

/* Nothing of ours may be found by the case's own symbol lookups. */
#define INTERNAL __attribute__((visibility("hidden")))

/* The hook slots of struct fault, one line each: the slot (also the name
 * the trace and `MMAPCTS_FAULT=hooks` give it), what it returns, its
 * arguments.  A new slot is a line here and its interposer in interpose.c. */
#define FAULT_HOOKS(X)                                                                 \
	X(start, void, (void))		/* at load, in every image */                  \
	X(exec_start, void, (void))	/* at load, in an image an exec() of ours began */ \
	X(mmap, void *, (void *addr, size_t len, int prot, int flags, int fd, off_t off)) \
	/* instead of mmap() where the fault has no .mmap: for a file (any fd */      \
	/* without MAP_ANONYMOUS) or anonymous memory (or /dev/zero, both) */          \
	X(mmap_anon, void *, (void *addr, size_t len, int prot, int flags, int fd, off_t off)) \
	X(mmap_file, void *, (void *addr, size_t len, int prot, int flags, int fd, off_t off)) \
	/* narrows .mmap, .mmap_anon, .mmap_file to the calls it accepts (no side */ \
	/* effects: the trace asks it of every call, noting "when:FAULT") */          \
	X(mmap_when, int, (void *addr, size_t len, int prot, int flags, int fd, off_t off)) \
	/* after mmap() failed, errno as it left it; gets errno as it was before */ \
	X(mmap_failed, void *, (void *addr, size_t len, int prot, int flags, int fd, off_t off, \
				int errno_before))                                   \
	X(munmap, int, (void *addr, size_t len))                                       \
	X(munmap_failed, int, (void *addr, size_t len))	/* after munmap() failed */   \
	X(mprotect, int, (void *addr, size_t len, int prot))                           \
	X(msync, int, (void *addr, size_t len, int flags))                             \
	X(madvise, int, (void *addr, size_t len, int advice))                          \
	X(mlock, int, (const void *addr, size_t len))                                  \
	X(mlockall, int, (int flags))                                                  \
	X(munlock, int, (const void *addr, size_t len))                                \
	X(munlockall, int, (void))                                                     \
	X(mlock2, int, (const void *addr, size_t len, unsigned int flags))             \
	/* new_addr is the fifth argument, or NULL without MREMAP_FIXED */            \
	X(mremap, void *, (void *old, size_t old_len, size_t new_len, int flags, void *new_addr)) \
	X(mincore, int, (void *addr, size_t len, unsigned char *vec))                  \
	X(posix_madvise, int, (void *addr, size_t len, int advice))                    \
	X(process_madvise, ssize_t, (int pidfd, const struct iovec *iov, size_t n, int advice, \
				     unsigned int flags))                            \
	X(remap_file_pages, int, (void *addr, size_t size, int prot, size_t pgoff, int flags)) \
	X(setrlimit, int, (rlimit_resource resource, const struct rlimit *rl))                     \
	X(close, int, (int fd))                                                        \
	X(ftruncate, int, (int fd, off_t len))                                         \
	X(read, ssize_t, (int fd, void *buf, size_t n))                                \
	X(write, ssize_t, (int fd, const void *buf, size_t n))                         \
	X(read_failed, ssize_t, (int fd, void *buf, size_t n))	/* after they failed */ \
	X(write_failed, ssize_t, (int fd, const void *buf, size_t n))                  \
	X(sbrk, void *, (intptr_t increment))                                          \
	X(fork, pid_t, (void))                                                         \
	X(exec, void, (void))	/* before an exec whose image gets our environment */  \
	X(sigaction, int, (int sig, const struct sigaction *act, struct sigaction *old)) \
	/* the seal and sysv groups: syscall() numbers of calls glibc 2.36 has */     \
	/* no wrapper for (lib/linux.c makes them with syscall()), then libc's */     \
	X(mseal, int, (void *addr, size_t len, unsigned long flags))                   \
	X(process_mrelease, int, (int pidfd, unsigned int flags))                      \
	X(memfd_secret, int, (unsigned int flags))                                     \
	X(pidfd_open, int, (pid_t pid, unsigned int flags))                            \
	X(pkey_mprotect, int, (void *addr, size_t len, int prot, int key))             \
	X(shmat, void *, (int id, const void *addr, int flags))                        \
	X(shmdt, int, (const void *addr))                                              \
	X(shmctl, int, (int id, int cmd, struct shmid_ds *buf))                        \
	X(memfd_create, int, (const char *name, unsigned int flags))	/* hugepages */ \
	X(shmget, int, (key_t key, size_t size, int flags))		/* hugepages */

#define HOOK_ENUM(name, ret, args) HOOK_##name,
enum hook { FAULT_HOOKS(HOOK_ENUM) HOOK_COUNT };
#undef HOOK_ENUM

/* One fault: the hooks of the interfaces it bends; NULL passes through. */
#define HOOK_SLOT(name, ret, args) ret (*name) args;
struct fault {
	enum mmapcts_fault id;
	/* The fault stays asleep (passes everything through, but keeps the
	 * books on mappings, which its hooks may need once awake)
	 * until the process, or the one it forked from, reaches this slot:
	 * for a fault whose hooks change nothing before such a call.  The
	 * default, HOOK_start, is awake from the load.  Its start hook runs at
	 * load all the same: it may only prepare (a mailbox, a handler of
	 * the library's own), never change what the case sees. */
	enum hook armed_by;
	FAULT_HOOKS(HOOK_SLOT)
};
#undef HOOK_SLOT

INTERNAL int hooks(const struct fault *f, enum hook h);
extern INTERNAL const char *const hook_names[HOOK_COUNT];

/*
 * The trace (MMAPCTS_FAULT=trace): no fault, every call passed through, and
 * each image notes, once per process, every hook slot the case reached, to
 * the file named by MMAPCTS_RUN_TOKEN in the directory MMAPCTS_FAULT_TRACE
 * (a line "CASE\tslot", CASE from MMAPCTS_FAULT_TRACE_CASE).  `start` is
 * noted at every load; `exec_start` with `exec`, in the image that execs.
 * Forked children and exec'd images inherit the environment, so they note
 * to the same file.  `make faults` then runs under each fault only the
 * cases that reached one of its hooks.
 */
#define TRACE_MODE "trace"
#define HOOKS_MODE "hooks"	/* print each fault's hook slots and exit */
#define TRACE_DIR_ENV "MMAPCTS_FAULT_TRACE"
#define TRACE_CASE_ENV "MMAPCTS_FAULT_TRACE_CASE"
#define EXECED_ENV "MMAPCTS_FAULT_EXECED"
INTERNAL void reach(enum hook h);
INTERNAL int mmap_gate(const struct fault *f, void *addr, size_t len, int prot, int flags, int fd,
		       off_t off);
INTERNAL void trace_mmap_gates(void *addr, size_t len, int prot, int flags, int fd, off_t off);
extern INTERNAL int tracing;

#define FAULT_DECLARE(id, name, group, text) extern INTERNAL const struct fault fault_##id;
MMAPCTS_FAULTS(FAULT_DECLARE)
#undef FAULT_DECLARE

/* FAULT(MUNMAP_NOOP, .munmap = munmap_noop): the one definition of a fault. */
#define FAULT(ID, ...) const struct fault fault_##ID = { .id = FAULT_##ID, __VA_ARGS__ }

/* The active fault, or NULL: at most one per process; the one not yet
 * armed (see armed_by), or NULL. */
extern INTERNAL const struct fault *active;
extern INTERNAL const struct fault *asleep;

/* The real functions, behind ours. */
extern INTERNAL void *(*real_mmap)(void *, size_t, int, int, int, off_t);
extern INTERNAL int (*real_munmap)(void *, size_t);
extern INTERNAL int (*real_mprotect)(void *, size_t, int);
extern INTERNAL int (*real_msync)(void *, size_t, int);
extern INTERNAL int (*real_ftruncate)(int, off_t);
extern INTERNAL int (*real_close)(int);
extern INTERNAL int (*real_madvise)(void *, size_t, int);
extern INTERNAL pid_t (*real_fork)(void);
extern INTERNAL int (*real_execv)(const char *, char *const[]);
extern INTERNAL int (*real_execve)(const char *, char *const[], char *const[]);
extern INTERNAL ssize_t (*real_read)(int, void *, size_t);
extern INTERNAL ssize_t (*real_write)(int, const void *, size_t);
extern INTERNAL void *(*real_sbrk)(intptr_t);
extern INTERNAL int (*real_mlock)(const void *, size_t);
extern INTERNAL int (*real_munlock)(const void *, size_t);
extern INTERNAL int (*real_mlockall)(int);
extern INTERNAL int (*real_munlockall)(void);
extern INTERNAL int (*real_mlock2)(const void *, size_t, unsigned int);
extern INTERNAL void *(*real_mremap)(void *, size_t, size_t, int, ...);
extern INTERNAL int (*real_mincore)(void *, size_t, unsigned char *);
extern INTERNAL int (*real_posix_madvise)(void *, size_t, int);
extern INTERNAL ssize_t (*real_process_madvise)(int, const struct iovec *, size_t, int,
						 unsigned int);
extern INTERNAL int (*real_remap_file_pages)(void *, size_t, int, size_t, int);
extern INTERNAL int (*real_setrlimit)(rlimit_resource, const struct rlimit *);
extern INTERNAL int (*real_sigaction)(int, const struct sigaction *, struct sigaction *);
extern INTERNAL int (*real_memfd_create)(const char *, unsigned int);
extern INTERNAL int (*real_shmget)(key_t, size_t, int);
INTERNAL void resolve(void);
/* The seal and sysv groups' calls (interpose.c resolves them on first use);
 * the numbers are Linux's unified ones where the headers lack them. */
extern INTERNAL long (*real_syscall)(long, ...);
extern INTERNAL int (*real_pkey_mprotect)(void *, size_t, int, int);
extern INTERNAL void *(*real_shmat)(int, const void *, int);
extern INTERNAL int (*real_shmdt)(const void *);
extern INTERNAL int (*real_shmctl)(int, int, struct shmid_ds *);
#define NR_MSEAL 462L
#define NR_PROCESS_MRELEASE 448L
#define NR_MEMFD_SECRET 447L
#define NR_PIDFD_OPEN 434L

extern INTERNAL size_t pg;
INTERNAL size_t round_up(size_t n);
INTERNAL int is_file(int flags, int fd);
INTERNAL int is_anon(int flags, int fd);
INTERNAL int open_mode(int fd);
INTERNAL int reopen_rw(int fd);
INTERNAL int on_noexec_mount(int fd);
INTERNAL int temp_fd(const char *what);
INTERNAL void *mmap_fails(int err);

/* Every mapping the case made and has not unmapped, as the case asked for
 * it (interpose.c keeps it for every fault alike). */
#define MAX_TRACKED 256
struct tracked {
	uintptr_t addr;
	size_t len;
	int prot, flags, fd;	/* fd: a dup of the mapped file, or -1 */
	int user_fd;		/* the descriptor the case passed */
	off_t off;
};
extern INTERNAL struct tracked tracked[MAX_TRACKED];
extern INTERNAL int ntracked;
INTERNAL void track(void *addr, size_t len, int prot, int flags, int fd, off_t off);
INTERNAL struct tracked *find_tracked(uintptr_t a);
INTERNAL void untrack(uintptr_t a, size_t len);

/* A small set of address ranges: locks, parked or inherited memory. */
#define MAX_RANGES 64
struct ranges {
	struct {
		uintptr_t addr;
		size_t len;
	} r[MAX_RANGES];
	int n;
};
INTERNAL void ranges_add(struct ranges *s, uintptr_t a, size_t len);
INTERNAL void ranges_forget(struct ranges *s, uintptr_t a, size_t len);
INTERNAL int ranges_overlap(const struct ranges *s, uintptr_t a, size_t len);

/* What the case locked: mlock() ranges and mlockall() flags. */
extern INTERNAL struct ranges locked;
extern INTERNAL int lockall_flags;

#endif
