/*
 * seal.c - faults of the seal group (their list: MMAPCTS_FAULTS_SEAL in
 * faults.h): mseal(), process_mrelease() and protection keys, System V
 * shared memory (the sysv group), and the Linux-only layout flags of the
 * anon group (MAP_32BIT, MAP_DROPPABLE, high hints, memfd_secret()).
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "internal.h"

#ifndef MAP_32BIT
#define MAP_32BIT 0
#endif
#ifndef MAP_DROPPABLE
#define MAP_DROPPABLE 0x08
#endif
#define MAP_TYPE_BITS 0x0f

/* ------------------------------------------------------------- mseal */
static int noop_mseal(void *addr, size_t len, unsigned long flags)
{
	(void)addr, (void)len, (void)flags;
	return 0;
}
FAULT(MSEAL_NOOP, .mseal = noop_mseal);

static int flags_ignored_mseal(void *addr, size_t len, unsigned long flags)
{
	(void)flags;
	return (int)real_syscall(NR_MSEAL, addr, len, 0UL);
}
FAULT(MSEAL_FLAGS_IGNORED, .mseal = flags_ignored_mseal);

/* Where the kernel refused to unmap a sealed range, "success". */
static int sealed_munmap_ok(void *addr, size_t len)
{
	(void)addr, (void)len;
	return errno == EPERM ? 0 : -1;
}
FAULT(SEALED_MUNMAP_SUCCEEDS, .munmap_failed = sealed_munmap_ok);

/* --------------------------------------------------- process_mrelease */
/* A live target refused (EINVAL) is reported as released. */
static int live_ok_mrelease(int pidfd, unsigned int flags)
{
	int r = (int)real_syscall(NR_PROCESS_MRELEASE, (long)pidfd, (long)flags);

	return r < 0 && errno == EINVAL && !flags ? 0 : r;
}
FAULT(MRELEASE_LIVE_OK, .process_mrelease = live_ok_mrelease);

/* Only a reaped process counts as exiting: a killed one is "live". */
static int killed_refused_mrelease(int pidfd, unsigned int flags)
{
	int r = (int)real_syscall(NR_PROCESS_MRELEASE, (long)pidfd, (long)flags);

	if (r == 0) {
		errno = EINVAL;
		return -1;
	}
	return r;
}
FAULT(MRELEASE_KILLED_REFUSED, .process_mrelease = killed_refused_mrelease);

/* ------------------------------------------------------ protection keys */
static int default_key_refused_pkey_mprotect(void *addr, size_t len, int prot, int key)
{
	if (key == -1) {
		errno = EINVAL;
		return -1;
	}
	return real_pkey_mprotect(addr, len, prot, key);
}
FAULT(PKEY_DEFAULT_KEY_REFUSED, .pkey_mprotect = default_key_refused_pkey_mprotect);

/* pkey-mprotect-ignores-key: the protection changes, the key never. */
static int ignores_key_pkey_mprotect(void *addr, size_t len, int prot, int key)
{
	(void)key;
	return real_mprotect(addr, len, prot);
}
FAULT(PKEY_MPROTECT_IGNORES_KEY, .pkey_mprotect = ignores_key_pkey_mprotect);

/* pkey-unallocated-accepted: a key never allocated is taken as the default. */
static int unallocated_pkey_mprotect(void *addr, size_t len, int prot, int key)
{
	int r = real_pkey_mprotect(addr, len, prot, key);

	return r < 0 && errno == EINVAL && key >= 0 ? real_mprotect(addr, len, prot) : r;
}
FAULT(PKEY_UNALLOCATED_ACCEPTED, .pkey_mprotect = unallocated_pkey_mprotect);

/* ------------------------------------------------- System V shared memory */
/* shmat-private-copy: the segment's bytes, copied into private memory
 * (shmdt() of a copy unmaps it). */
static struct ranges copies;

static void *private_copy_shmat(int id, const void *addr, int flags)
{
	struct shmid_ds ds;
	void *seg, *copy;

	if (real_shmctl(id, IPC_STAT, &ds) < 0 || (seg = real_shmat(id, addr, flags)) == (void *)-1)
		return real_shmat(id, addr, flags);
	copy = real_mmap(NULL, ds.shm_segsz, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
			 -1, 0);
	if (copy == MAP_FAILED)
		return seg;
	memcpy(copy, seg, ds.shm_segsz);
	real_shmdt(seg);
	ranges_add(&copies, (uintptr_t)copy, round_up(ds.shm_segsz));
	return copy;
}

static int private_copy_shmdt(const void *addr)
{
	for (int i = 0; i < copies.n; i++)
		if (copies.r[i].addr == (uintptr_t)addr) {
			size_t len = copies.r[i].len;

			ranges_forget(&copies, (uintptr_t)addr, len);
			return real_munmap((void *)addr, len);
		}
	return real_shmdt(addr);
}
FAULT(SHMAT_PRIVATE_COPY, .shmat = private_copy_shmat, .shmdt = private_copy_shmdt);

/* The attachments the case made, for the faults that undo them. */
#define MAX_ATTACHED 16
static struct {
	int id;
	const void *addr;
} attached[MAX_ATTACHED];
static int nattached;

static void *noting_shmat(int id, const void *addr, int flags)
{
	void *p = real_shmat(id, addr, flags);

	if (p != (void *)-1 && nattached < MAX_ATTACHED) {
		attached[nattached].id = id;
		attached[nattached++].addr = p;
	}
	return p;
}

/* shm-rmid-detaches: IPC_RMID also detaches every attachment of the segment. */
static int rmid_detaches_shmctl(int id, int cmd, struct shmid_ds *buf)
{
	int r = real_shmctl(id, cmd, buf);

	if (r == 0 && cmd == IPC_RMID)
		for (int i = 0; i < nattached; i++)
			if (attached[i].id == id)
				real_shmdt(attached[i].addr);
	return r;
}
FAULT(SHM_RMID_DETACHES, .shmat = noting_shmat, .shmctl = rmid_detaches_shmctl);

static int noop_shmdt(const void *addr)
{
	(void)addr;
	return 0;
}
FAULT(SHMDT_NOOP, .shmdt = noop_shmdt);

/* shm-not-inherited: a child of fork() starts without the attachments. */
static pid_t detaching_fork(void)
{
	pid_t pid = real_fork();

	if (pid == 0)
		for (int i = 0; i < nattached; i++)
			real_shmdt(attached[i].addr);
	return pid;
}
FAULT(SHM_NOT_INHERITED, .armed_by = HOOK_shmat, .shmat = noting_shmat, .fork = detaching_fork);

/* ------------------------------------------- Linux-only layout flags */
static int map_32bit_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)fd, (void)off;
	return MAP_32BIT && (flags & MAP_32BIT);
}

static void *map_32bit_ignored_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	return real_mmap(addr, len, prot, flags & ~MAP_32BIT, fd, off);
}
FAULT(MAP_32BIT_IGNORED, .mmap_when = map_32bit_when, .mmap_anon = map_32bit_ignored_mmap);

static int droppable_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)fd, (void)off;
	return (flags & MAP_TYPE_BITS) == MAP_DROPPABLE;
}

/* droppable-junk: the pages of a MAP_DROPPABLE mapping are not cleared. */
static void *droppable_junk_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	void *p = real_mmap(addr, len, prot, flags, fd, off);

	if (p != MAP_FAILED && real_mprotect(p, len, PROT_READ | PROT_WRITE) == 0) {
		memset(p, 0xa5, len);
		real_mprotect(p, len, prot);
	}
	return p;
}
FAULT(DROPPABLE_JUNK, .mmap_when = droppable_when, .mmap_anon = droppable_junk_mmap);

/* high-hint-refused: a hint outside the 47-bit address space is refused
 * (ENOMEM) instead of being taken as a hint. */
static int high_hint_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)len, (void)prot, (void)fd, (void)off;
	return (uint64_t)(uintptr_t)addr >= (1ULL << 47) && !(flags & MAP_FIXED);
}

static void *high_hint_refused_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	return mmap_fails(ENOMEM);
}
FAULT(HIGH_HINT_REFUSED, .mmap_when = high_hint_when, .mmap_anon = high_hint_refused_mmap);

/* memfd-secret-plain: memfd_secret() hands out an ordinary memfd. */
static int plain_memfd_secret(unsigned int flags)
{
#ifdef SYS_memfd_create
	return (int)real_syscall(SYS_memfd_create, (long)"secret", (long)(flags & 1 /* O_CLOEXEC */));
#else
	(void)flags;
	errno = ENOSYS;
	return -1;
#endif
}
FAULT(MEMFD_SECRET_PLAIN, .memfd_secret = plain_memfd_secret);

/* pidfd-open-self: the pid is not looked up; the descriptor names the
 * caller, as a wrapper that passes 0 (the calling process) would. */
static int pidfd_open_self(pid_t pid, unsigned int flags)
{
	(void)pid;
	return (int)real_syscall(NR_PIDFD_OPEN, (long)getpid(), (long)flags);
}
FAULT(PIDFD_OPEN_SELF, .pidfd_open = pidfd_open_self);
