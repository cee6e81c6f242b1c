/*
 * partials.c - faults for the rules the partials branch added to rows that
 * were covered only in part (their list: MMAPCTS_FAULTS_PARTIALS in
 * faults.h): lengths, protections and flags that mmap() gets wrong in a
 * way no earlier fault did.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "internal.h"

#ifndef MAP_POPULATE
#define MAP_POPULATE 0
#endif
#ifndef MADV_NOHUGEPAGE
#define MADV_NOHUGEPAGE 15	/* Linux's number */
#endif
#define PR_GET_MDWE_ 66		/* Linux 6.3; -1 EINVAL before */

/* anon-partial-length-einval: a length that is not a page multiple is
 * refused as an unaligned address would be. */
static int partial_length_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)prot, (void)flags, (void)fd, (void)off;
	return len % pg != 0;
}

static void *partial_length_einval_mmap(void *addr, size_t len, int prot, int flags, int fd,
					off_t off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	return mmap_fails(EINVAL);
}
FAULT(ANON_PARTIAL_LENGTH_EINVAL, .mmap_when = partial_length_when,
      .mmap_anon = partial_length_einval_mmap);

/* write-only-no-access: PROT_WRITE without PROT_READ becomes PROT_NONE. */
static int write_only_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)flags, (void)fd, (void)off;
	return (prot & (PROT_READ | PROT_WRITE)) == PROT_WRITE;
}

static void *write_only_no_access_mmap(void *addr, size_t len, int prot, int flags, int fd,
				       off_t off)
{
	return real_mmap(addr, len, prot & ~PROT_WRITE, flags, fd, off);
}
FAULT(WRITE_ONLY_NO_ACCESS, .mmap_when = write_only_when, .mmap = write_only_no_access_mmap);

/* populate-private-write-enomem: MAP_POPULATE of a writable private file
 * mapping is refused. */
static int populate_private_write_when(void *addr, size_t len, int prot, int flags, int fd,
				       off_t off)
{
	(void)addr, (void)len, (void)off;
	return MAP_POPULATE && (flags & MAP_POPULATE) && (prot & PROT_WRITE) &&
	       (flags & MAP_KIND) == MAP_PRIVATE && is_file(flags, fd);
}

static void *populate_private_write_enomem_mmap(void *addr, size_t len, int prot, int flags,
						int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	return mmap_fails(ENOMEM);
}
FAULT(POPULATE_PRIVATE_WRITE_ENOMEM, .mmap_when = populate_private_write_when,
      .mmap_file = populate_private_write_enomem_mmap);

/* own-mapping-io-efault: read() and write() whose buffer lies in a
 * MAP_SHARED mapping of the very file they transfer to or from fail with
 * EFAULT (a kernel that backs off from faulting in a page whose file it
 * has locked for the call, instead of retrying). */
static int buffer_maps_file(int fd, const void *buf)
{
	const struct tracked *t = find_tracked((uintptr_t)buf);
	struct stat a, b;

	return t && (t->flags & MAP_KIND) == MAP_SHARED && t->fd >= 0 &&
	       fstat(t->fd, &a) == 0 && fstat(fd, &b) == 0 && S_ISREG(b.st_mode) &&
	       a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

static ssize_t own_mapping_read(int fd, void *buf, size_t n)
{
	if (buffer_maps_file(fd, buf)) {
		errno = EFAULT;
		return -1;
	}
	return real_read(fd, buf, n);
}

static ssize_t own_mapping_write(int fd, const void *buf, size_t n)
{
	if (buffer_maps_file(fd, buf)) {
		errno = EFAULT;
		return -1;
	}
	return real_write(fd, buf, n);
}
FAULT(OWN_MAPPING_IO_EFAULT, .read = own_mapping_read, .write = own_mapping_write);

/* type-checked-before-access: a descriptor not open for reading whose
 * type cannot be mapped (a pipe) gets ENODEV, the type checked first. */
static void *type_checked_first_failed(void *addr, size_t len, int prot, int flags, int fd,
				       off_t off, int errno_before)
{
	struct stat st;

	(void)addr, (void)len, (void)prot, (void)flags, (void)off, (void)errno_before;
	if (errno == EACCES && fd >= 0 && fstat(fd, &st) == 0 && S_ISFIFO(st.st_mode))
		errno = ENODEV;
	return MAP_FAILED;
}
FAULT(TYPE_CHECKED_BEFORE_ACCESS, .mmap_failed = type_checked_first_failed);

/* truncate-once: ftruncate() that shrinks an object it shrank before
 * reports success and does nothing (a cached size, already "that small",
 * makes the second shrink look like no change). */
#define MAX_SHRUNK 16
static struct {
	dev_t dev;
	ino_t ino;
	off_t len;
} shrunk[MAX_SHRUNK];
static int nshrunk;

static int truncate_once_ftruncate(int fd, off_t len)
{
	struct stat st;

	if (fstat(fd, &st) < 0 || len >= st.st_size)
		return real_ftruncate(fd, len);
	for (int i = 0; i < nshrunk; i++)
		if (shrunk[i].dev == st.st_dev && shrunk[i].ino == st.st_ino &&
		    shrunk[i].len <= len)
			return 0;
	if (nshrunk < MAX_SHRUNK) {
		shrunk[nshrunk].dev = st.st_dev;
		shrunk[nshrunk].ino = st.st_ino;
		shrunk[nshrunk++].len = len;
	}
	return real_ftruncate(fd, len);
}
FAULT(TRUNCATE_ONCE, .ftruncate = truncate_once_ftruncate);

/* Replace each private read-write mapping by shared anonymous memory
 * holding its bytes (what a fork() that does not copy on write leaves),
 * noting the ranges in *shared when it is not NULL. */
static void share_private_mappings(struct ranges *shared)
{
	for (int i = 0; i < ntracked; i++) {
		struct tracked *t = &tracked[i];
		void *copy;

		if ((t->flags & MAP_KIND) != MAP_PRIVATE ||
		    (t->prot & (PROT_READ | PROT_WRITE)) != (PROT_READ | PROT_WRITE) ||
		    !(copy = malloc(t->len)))
			continue;
		memcpy(copy, (void *)t->addr, t->len);
		if (real_mmap((void *)t->addr, t->len, t->prot,
			      MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != MAP_FAILED) {
			memcpy((void *)t->addr, copy, t->len);
			t->flags = (t->flags & ~MAP_KIND) | MAP_SHARED;
			if (shared)
				ranges_add(shared, t->addr, t->len);
		}
		free(copy);
	}
}

/* grandchild-shares-private: a process that was itself forked shares its
 * private writable mappings with the children it forks; the first
 * generation copies. */
static int forked;

static pid_t grandchild_shares_private_fork(void)
{
	pid_t pid;

	if (forked)
		share_private_mappings(NULL);
	pid = real_fork();
	if (pid == 0)
		forked = 1;
	return pid;
}
FAULT(GRANDCHILD_SHARES_PRIVATE, .fork = grandchild_shares_private_fork);

/* dontneed-zaps-parent: fork() leaves private pages shared until someone
 * stores to them, and madvise(MADV_DONTNEED) in either process frees the
 * shared page for both: the other process reads zeros. */
static struct ranges cow_shared;

static pid_t dontneed_zaps_parent_fork(void)
{
	share_private_mappings(&cow_shared);
	return real_fork();
}

static int dontneed_zaps_parent_madvise(void *addr, size_t len, int advice)
{
	if (advice == MADV_DONTNEED && ranges_overlap(&cow_shared, (uintptr_t)addr, len)) {
		memset(addr, 0, len);
		return 0;
	}
	return real_madvise(addr, len, advice);
}
FAULT(DONTNEED_ZAPS_PARENT, .fork = dontneed_zaps_parent_fork,
      .madvise = dontneed_zaps_parent_madvise);

/* mdwe-ignored: where memory-deny-write-execute refused PROT_EXEC, the
 * mapping is made (or the protection changed) without it, and success
 * reported. */
static void *mdwe_ignored_failed(void *addr, size_t len, int prot, int flags, int fd,
				 off_t off, int errno_before)
{
	(void)errno_before;
	if (errno == EACCES && (prot & PROT_EXEC) && prctl(PR_GET_MDWE_, 0L, 0L, 0L, 0L) > 0)
		return real_mmap(addr, len, prot & ~PROT_EXEC, flags, fd, off);
	return MAP_FAILED;
}

static int mdwe_ignored_mprotect(void *addr, size_t len, int prot)
{
	int r = real_mprotect(addr, len, prot);

	if (r < 0 && errno == EACCES && (prot & PROT_EXEC) &&
	    prctl(PR_GET_MDWE_, 0L, 0L, 0L, 0L) > 0)
		r = real_mprotect(addr, len, prot & ~PROT_EXEC);
	return r;
}
FAULT(MDWE_IGNORED, .mmap_failed = mdwe_ignored_failed, .mprotect = mdwe_ignored_mprotect);

/* exec-stack-executable: the loader ignores PT_GNU_STACK and makes the
 * new image's stack executable. */
static void exec_stack_executable_start(void)
{
	char line[512];
	FILE *f = fopen("/proc/self/maps", "r");
	unsigned long start, end;

	while (f && fgets(line, sizeof(line), f))
		if (strstr(line, "[stack]") && sscanf(line, "%lx-%lx", &start, &end) == 2)
			real_mprotect((void *)start, end - start,
				      PROT_READ | PROT_WRITE | PROT_EXEC);
	if (f)
		fclose(f);
}
FAULT(EXEC_STACK_EXECUTABLE, .exec_start = exec_stack_executable_start);

/* split-never-merges: mprotect() that gives part of a mapping back the
 * protection the mapping was made with leaves it a mapping of its own
 * (here: marked MADV_NOHUGEPAGE, a flag its neighbours lack, which Linux
 * will not merge across). */
static int split_never_merges_mprotect(void *addr, size_t len, int prot)
{
	const struct tracked *t = find_tracked((uintptr_t)addr);
	int r = real_mprotect(addr, len, prot);

	if (r == 0 && t && prot == t->prot && (t->flags & MAP_ANONYMOUS) &&
	    round_up(len) < t->len)
		real_madvise(addr, len, MADV_NOHUGEPAGE);
	return r;
}
FAULT(SPLIT_NEVER_MERGES, .mprotect = split_never_merges_mprotect);

/* unknown-prot-bit-writes: an undefined protection bit in mmap() is taken
 * as PROT_WRITE (a protection table indexed with the bits unmasked). */
static int unknown_prot_bit_when(void *addr, size_t len, int prot, int flags, int fd,
				 off_t off)
{
	(void)addr, (void)len, (void)flags, (void)fd, (void)off;
	return (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)) != 0;
}

static void *unknown_prot_bit_writes_mmap(void *addr, size_t len, int prot, int flags, int fd,
					  off_t off)
{
	return real_mmap(addr, len, (prot & (PROT_READ | PROT_EXEC)) | PROT_WRITE, flags, fd,
			 off);
}
FAULT(UNKNOWN_PROT_BIT_WRITES, .mmap_when = unknown_prot_bit_when,
      .mmap = unknown_prot_bit_writes_mmap);

/* offset-mmap2-limit: the 32-bit ABIs' limit applied on a 64-bit one: a
 * file offset of 1 << 44 or more fails with EINVAL. */
static int offset_mmap2_limit_when(void *addr, size_t len, int prot, int flags, int fd,
				   off_t off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd;
	return sizeof(off_t) >= 8 && (uint64_t)off >= (uint64_t)1 << 44;
}

static void *offset_mmap2_limit_mmap(void *addr, size_t len, int prot, int flags, int fd,
				     off_t off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	return mmap_fails(EINVAL);
}
FAULT(OFFSET_MMAP2_LIMIT, .mmap_when = offset_mmap2_limit_when,
      .mmap_file = offset_mmap2_limit_mmap);
