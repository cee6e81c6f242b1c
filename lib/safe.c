/*
 * safe.c - setup calls that cannot fail quietly.  A failure is UNRESOLVED
 * (the case could not get to its assertion), never FAIL, and the message
 * names the call with its arguments decoded and errno by name.
 */
#include "mmapcts.h"
#include "internal.h"

#include <stdarg.h>
#include <stdio.h>

#define BROKE(file, line, ...) mmapcts_end_(VERDICT_UNRESOLVED, file, line, __VA_ARGS__)

void *safe_mmap_(const char *file, int line, void *addr, size_t len, int prot,
		 int flags, int fd, off_t off)
{
	char p[64], f[128];
	void *ret;

	if ((flags & MAP_FIXED) && !is_reserved(addr, len))
		BROKE(file, line, "mmap(MAP_FIXED) outside a range from reserve(): "
		      "refusing to replace memory the case does not own");
	ret = mmap(addr, len, prot, flags, fd, off);
	if (ret == MAP_FAILED) {
		int err = errno;
		BROKE(file, line, "mmap(%s, %zu, %s, %s, %d, %jd) failed: %s",
		      addr ? "addr" : "NULL", len, prot_string(prot, p, sizeof(p)),
		      map_flags_string(flags, f, sizeof(f)), fd, (intmax_t)off,
		      errno_name(err));
	}
	return ret;
}

void safe_munmap_(const char *file, int line, void *addr, size_t len)
{
	if (munmap(addr, len) < 0)
		BROKE(file, line, "munmap(addr, %zu) failed: %s", len, errno_name(errno));
}

void safe_mprotect_(const char *file, int line, void *addr, size_t len, int prot)
{
	char p[64];

	if (mprotect(addr, len, prot) < 0) {
		int err = errno;
		BROKE(file, line, "mprotect(addr, %zu, %s) failed: %s", len,
		      prot_string(prot, p, sizeof(p)), errno_name(err));
	}
}

void safe_msync_(const char *file, int line, void *addr, size_t len, int flags)
{
	char names[64];

	if (msync(addr, len, flags) < 0)
		BROKE(file, line, "msync(addr, %zu, %s) failed: %s", len,
		      msync_flags_string(flags, names, sizeof(names)), errno_name(errno));
}

int safe_open_(const char *file, int line, const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;
	int fd;

	va_start(ap, flags);
	mode = (mode_t)va_arg(ap, int);
	va_end(ap);
	fd = open(path, flags, mode);
	if (fd < 0)
		BROKE(file, line, "open(%s, %#o, %#o) failed: %s", path, (unsigned)flags,
		      (unsigned)mode, errno_name(errno));
	return fd;
}

void safe_close_(const char *file, int line, int fd)
{
	if (close(fd) < 0)
		BROKE(file, line, "close(%d) failed: %s", fd, errno_name(errno));
}

void safe_unlink_(const char *file, int line, const char *path)
{
	if (unlink(path) < 0)
		BROKE(file, line, "unlink(%s) failed: %s", path, errno_name(errno));
}

void safe_ftruncate_(const char *file, int line, int fd, off_t len)
{
	if (ftruncate(fd, len) < 0)
		BROKE(file, line, "ftruncate(%d, %jd) failed: %s", fd, (intmax_t)len,
		      errno_name(errno));
}

void safe_fstat_(const char *file, int line, int fd, struct stat *st)
{
	if (fstat(fd, st) < 0)
		BROKE(file, line, "fstat(%d) failed: %s", fd, errno_name(errno));
}

void safe_pread_(const char *file, int line, int fd, void *buf, size_t n, off_t off)
{
	size_t done = 0;

	while (done < n) {
		ssize_t r = pread(fd, (char *)buf + done, n - done, off + (off_t)done);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			BROKE(file, line, "pread(%d, buf, %zu, %jd) %s after %zu bytes", fd,
			      n, (intmax_t)off, r < 0 ? errno_name(errno) : "hit end-of-file",
			      done);
		done += (size_t)r;
	}
}

void safe_pwrite_(const char *file, int line, int fd, const void *buf, size_t n, off_t off)
{
	size_t done = 0;

	while (done < n) {
		ssize_t r = pwrite(fd, (const char *)buf + done, n - done, off + (off_t)done);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			BROKE(file, line, "pwrite(%d, buf, %zu, %jd) failed after %zu bytes: %s",
			      fd, n, (intmax_t)off, done, r < 0 ? errno_name(errno) : "0");
		done += (size_t)r;
	}
}

void safe_read_(const char *file, int line, int fd, void *buf, size_t n)
{
	size_t done = 0;

	while (done < n) {
		ssize_t r = read(fd, (char *)buf + done, n - done);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			BROKE(file, line, "read(%d, buf, %zu) %s after %zu bytes", fd, n,
			      r < 0 ? errno_name(errno) : "hit end-of-file", done);
		done += (size_t)r;
	}
}

void safe_write_(const char *file, int line, int fd, const void *buf, size_t n)
{
	size_t done = 0;

	while (done < n) {
		ssize_t r = write(fd, (const char *)buf + done, n - done);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			BROKE(file, line, "write(%d, buf, %zu) failed after %zu bytes: %s", fd,
			      n, done, r < 0 ? errno_name(errno) : "0");
		done += (size_t)r;
	}
}

void safe_pipe_(const char *file, int line, int fds[2])
{
	if (pipe(fds) < 0)
		BROKE(file, line, "pipe() failed: %s", errno_name(errno));
}

void safe_futimens_(const char *file, int line, int fd, const struct timespec times[2])
{
	if (futimens(fd, times) < 0)
		BROKE(file, line, "futimens(%d) failed: %s", fd, errno_name(errno));
}

pid_t safe_fork_(const char *file, int line)
{
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0)
		BROKE(file, line, "fork() failed: %s", errno_name(errno));
	mmapcts_bind_syncs(pid == 0);
	return pid;
}
