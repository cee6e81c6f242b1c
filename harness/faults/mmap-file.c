/*
 * mmap-file.c - faults in what mmap() makes of a file: which pages it
 * shows, whether stores reach the file, what it checks against the
 * descriptor and the object's size.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

static int is_private_file(int flags, int fd)
{
	return is_file(flags, fd) && (flags & MAP_KIND) == MAP_PRIVATE;
}

static int is_shared_file(int flags, int fd)
{
	return is_file(flags, fd) && (flags & MAP_KIND) == MAP_SHARED;
}

/* The size of a regular file, or -1. */
static off_t regular_size(int fd)
{
	struct stat st;

	return fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? st.st_size : -1;
}

/* private-writes-reach-file: the private mapping made shared, through a
 * read-write descriptor where the case's is read-only. */
static void *private_writes_reach_file_mmap(void *addr, size_t len, int prot, int flags,
					    int fd, off_t off)
{
	if (is_private_file(flags, fd)) {
		int rw = open_mode(fd) == O_RDONLY ? reopen_rw(fd) : -1;
		void *p = real_mmap(addr, len, prot, (flags & ~MAP_KIND) | MAP_SHARED,
				    rw >= 0 ? rw : fd, off);
		if (rw >= 0)
			real_close(rw);
		if (p != MAP_FAILED)
			return p;
	}
	return real_mmap(addr, len, prot, flags, fd, off);
}
static int private_writes_reach_file_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	return is_private_file(flags, fd);
}
FAULT(PRIVATE_WRITES_REACH_FILE, .mmap_when = private_writes_reach_file_when, .mmap_file = private_writes_reach_file_mmap);

static void *offset_ignored_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	return real_mmap(addr, len, prot, flags, fd, is_file(flags, fd) ? 0 : off);
}
static int offset_ignored_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	return off != 0;
}
FAULT(OFFSET_IGNORED, .mmap_when = offset_ignored_when, .mmap_file = offset_ignored_mmap);

static void *file_pages_misordered_mmap(void *addr, size_t len, int prot, int flags, int fd,
					off_t off)
{
	void *p = real_mmap(addr, len, prot, flags, fd, off);

	if (p != MAP_FAILED && is_file(flags, fd) && len >= 2 * pg) {
		size_t n = (len + pg - 1) / pg;
		for (size_t i = 0; i < n; i++)
			real_mmap((char *)p + i * pg, pg, prot, flags | MAP_FIXED, fd,
				  off + (off_t)((n - 1 - i) * pg));
	}
	return p;
}
static int file_pages_misordered_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	return is_file(flags, fd) && len >= 2 * pg;
}
FAULT(FILE_PAGES_MISORDERED, .mmap_when = file_pages_misordered_when, .mmap_file = file_pages_misordered_mmap);

static void *private_rdonly_refused_mmap(void *addr, size_t len, int prot, int flags, int fd,
					 off_t off)
{
	if (is_private_file(flags, fd) && (prot & PROT_WRITE) && open_mode(fd) == O_RDONLY)
		return mmap_fails(EACCES);
	return real_mmap(addr, len, prot, flags, fd, off);
}
static int private_rdonly_refused_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	return is_private_file(flags, fd) && (prot & PROT_WRITE) && open_mode(fd) == O_RDONLY;
}
FAULT(PRIVATE_RDONLY_REFUSED, .mmap_when = private_rdonly_refused_when, .mmap_file = private_rdonly_refused_mmap);

/* What a fault maps where the kernel refused with EACCES; when that fails
 * too, the error is still the kernel's. */
static void *stand_in(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	void *p = real_mmap(addr, len, prot, flags, fd, off);

	if (p == MAP_FAILED)
		errno = EACCES;
	return p;
}

/* wronly-fd-mappable: where the kernel refuses, memory of no file "works". */
static void *wronly_fd_mappable_failed(void *addr, size_t len, int prot, int flags, int fd,
				       off_t off, int errno_before)
{
	(void)off, (void)errno_before;
	if (errno == EACCES && is_file(flags, fd) && open_mode(fd) == O_WRONLY)
		return stand_in(addr, len, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	return MAP_FAILED;
}
FAULT(WRONLY_FD_MAPPABLE, .mmap_failed = wronly_fd_mappable_failed);

static void *length_rounded_down_mmap(void *addr, size_t len, int prot, int flags, int fd,
				      off_t off)
{
	if (is_file(flags, fd) && len > pg && len % pg)
		len -= len % pg;
	return real_mmap(addr, len, prot, flags, fd, off);
}
static int length_rounded_down_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	return is_file(flags, fd) && len > pg && len % pg;
}
FAULT(LENGTH_ROUNDED_DOWN, .mmap_when = length_rounded_down_when, .mmap_file = length_rounded_down_mmap);

static void *shared_file_copies_mmap(void *addr, size_t len, int prot, int flags, int fd,
				     off_t off)
{
	if (is_shared_file(flags, fd))
		flags = (flags & ~MAP_KIND) | MAP_PRIVATE;
	return real_mmap(addr, len, prot, flags, fd, off);
}
static int shared_file_copies_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	return is_shared_file(flags, fd);
}
FAULT(SHARED_FILE_COPIES, .mmap_when = shared_file_copies_when, .mmap_file = shared_file_copies_mmap);

/* rdonly-fd-shared-writable: where the kernel refuses, a private copy "works". */
static void *rdonly_fd_shared_writable_failed(void *addr, size_t len, int prot, int flags,
					      int fd, off_t off, int errno_before)
{
	(void)errno_before;
	if (errno == EACCES && is_shared_file(flags, fd) && (prot & PROT_WRITE) &&
	    open_mode(fd) == O_RDONLY)
		return stand_in(addr, len, prot, (flags & ~MAP_KIND) | MAP_PRIVATE, fd, off);
	return MAP_FAILED;
}
FAULT(RDONLY_FD_SHARED_WRITABLE, .mmap_failed = rdonly_fd_shared_writable_failed);

static void *rdonly_fd_shared_refused_mmap(void *addr, size_t len, int prot, int flags, int fd,
					   off_t off)
{
	if (is_shared_file(flags, fd) && open_mode(fd) == O_RDONLY)
		return mmap_fails(EACCES);
	return real_mmap(addr, len, prot, flags, fd, off);
}
static int rdonly_fd_shared_refused_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	return is_shared_file(flags, fd) && open_mode(fd) == O_RDONLY;
}
FAULT(RDONLY_FD_SHARED_REFUSED, .mmap_when = rdonly_fd_shared_refused_when, .mmap_file = rdonly_fd_shared_refused_mmap);

static void *sealed_private_refused_mmap(void *addr, size_t len, int prot, int flags, int fd,
					 off_t off)
{
#ifdef F_GET_SEALS
	if (is_private_file(flags, fd) && (prot & PROT_WRITE)) {
		int seals = fcntl(fd, F_GET_SEALS);
		int write_seals = F_SEAL_WRITE;
#ifdef F_SEAL_FUTURE_WRITE
		write_seals |= F_SEAL_FUTURE_WRITE;
#endif
		if (seals > 0 && (seals & write_seals))
			return mmap_fails(EPERM);
	}
#endif
	return real_mmap(addr, len, prot, flags, fd, off);
}
static int sealed_private_refused_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	return is_private_file(flags, fd) && (prot & PROT_WRITE);
}
FAULT(SEALED_PRIVATE_REFUSED, .mmap_when = sealed_private_refused_when, .mmap_file = sealed_private_refused_mmap);

/* ----------------------------------------------------- end-of-file */
/* eof-no-sigbus: the file grown to cover the mapping (through a
 * read-write descriptor where the case's is read-only). */
static void *eof_no_sigbus_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	struct stat st;
	off_t end = off + (off_t)round_up(len);

	if (is_file(flags, fd) && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size < end &&
	    real_ftruncate(fd, end) < 0) {
		int rw = reopen_rw(fd);
		if (rw >= 0) {
			real_ftruncate(rw, end);
			real_close(rw);
		}
	}
	return real_mmap(addr, len, prot, flags, fd, off);
}
static int eof_no_sigbus_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	return is_file(flags, fd) && regular_size(fd) >= 0 && regular_size(fd) < off + (off_t)round_up(len);
}
FAULT(EOF_NO_SIGBUS, .mmap_when = eof_no_sigbus_when, .mmap_file = eof_no_sigbus_mmap);

/* past-eof-refused: a kernel that wants [off, off+len) inside the
 * object's current pages. */
static void *past_eof_refused_mmap(void *addr, size_t len, int prot, int flags, int fd,
				   off_t off)
{
	struct stat st;

	if (is_file(flags, fd) && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && off >= 0 &&
	    (uintmax_t)off + round_up(len) > round_up((size_t)st.st_size))
		return mmap_fails(ENXIO);
	return real_mmap(addr, len, prot, flags, fd, off);
}
static int past_eof_refused_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	return is_file(flags, fd) && regular_size(fd) >= 0 && off >= 0 && (uintmax_t)off + round_up(len) > round_up((size_t)regular_size(fd));
}
FAULT(PAST_EOF_REFUSED, .mmap_when = past_eof_refused_when, .mmap_file = past_eof_refused_mmap);

/* eof-page-sigbus: the page holding end-of-file becomes a page past the
 * end of an empty file, so every access to it raises SIGBUS.  (The private
 * fault path is the broken one: shared mappings are right.) */
static void *eof_page_sigbus_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	static int empty_fd = -1;
	struct stat st;
	void *p = real_mmap(addr, len, prot, flags, fd, off);

	if (p == MAP_FAILED || !is_private_file(flags, fd) || fstat(fd, &st) < 0 ||
	    !S_ISREG(st.st_mode) || !(st.st_size % (off_t)pg))
		return p;
	off_t eof_page = st.st_size / (off_t)pg * (off_t)pg;
	if (empty_fd < 0)
		empty_fd = temp_fd("empty");
	if (empty_fd >= 0 && eof_page >= off && eof_page < off + (off_t)round_up(len))
		real_mmap((char *)p + (eof_page - off), pg, prot, MAP_SHARED | MAP_FIXED, empty_fd,
			  0);
	return p;
}
static int eof_page_sigbus_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	return is_private_file(flags, fd) && regular_size(fd) > 0 && regular_size(fd) % (off_t)pg;
}
FAULT(EOF_PAGE_SIGBUS, .mmap_when = eof_page_sigbus_when, .mmap_file = eof_page_sigbus_mmap);

/* ------------------------------------------------ writeback-on-sync-only */
/* An emulated mmap: MAP_SHARED file mappings are private copies read at
 * mmap() and written back only at msync() or munmap(). */
static void *writeback_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	struct stat st;
	void *p;

	if (!is_shared_file(flags, fd) || fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))
		return real_mmap(addr, len, prot, flags, fd, off);
	if (open_mode(fd) == O_RDONLY && (prot & PROT_WRITE))
		return mmap_fails(EACCES);
	p = real_mmap(addr, len, PROT_READ | PROT_WRITE,
		      (flags & ~MAP_KIND) | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return p;
	if (off < st.st_size) {
		size_t n = (size_t)(st.st_size - off) < len ? (size_t)(st.st_size - off) : len;
		if (pread(fd, p, n, off) < 0) {
			/* as lossy as the emulation it imitates */
		}
	}
	real_mprotect(p, len, prot);
	return p;
}

/* Copy what the private stand-ins of [a, a+len) hold to their files. */
static void write_back(uintptr_t a, size_t len)
{
	for (int i = 0; i < ntracked; i++) {
		struct tracked *t = &tracked[i];
		struct stat st;
		if (t->fd < 0 || !(t->flags & MAP_SHARED) || !(t->prot & PROT_READ))
			continue;
		uintptr_t lo = a > t->addr ? a : t->addr;
		uintptr_t hi = a + len < t->addr + t->len ? a + len : t->addr + t->len;
		if (lo >= hi || fstat(t->fd, &st) < 0)
			continue;
		off_t off = t->off + (off_t)(lo - t->addr);
		if (off >= st.st_size)
			continue;
		size_t n = hi - lo;
		if (off + (off_t)n > st.st_size)
			n = (size_t)(st.st_size - off);
		if (pwrite(t->fd, (void *)lo, n, off) < 0) {
			/* as lossy as the emulation it imitates */
		}
	}
}

static int writeback_msync(void *addr, size_t len, int flags)
{
	write_back((uintptr_t)addr, len);
	return real_msync(addr, len, flags);
}

static int writeback_munmap(void *addr, size_t len)
{
	write_back((uintptr_t)addr, len);
	return real_munmap(addr, len);
}
static int writeback_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)addr, (void)len, (void)prot, (void)flags, (void)fd, (void)off;
	return is_shared_file(flags, fd) && regular_size(fd) >= 0;
}
FAULT(WRITEBACK_ON_SYNC_ONLY, .mmap_when = writeback_when, .mmap_file = writeback_mmap, .msync = writeback_msync,
      .munmap = writeback_munmap);
