/*
 * io.c - faults in the file calls around a mapping: close(), ftruncate(),
 * and read()/write() into mapped memory.
 */
#include "config.h"

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

static int close_unmaps(int fd)
{
	for (int i = 0; fd >= 0 && i < ntracked; i++) {
		if (tracked[i].user_fd == fd && tracked[i].fd >= 0) {
			real_munmap((void *)tracked[i].addr, tracked[i].len);
			real_close(tracked[i].fd);
			tracked[i--] = tracked[--ntracked];
		}
	}
	return real_close(fd);
}
FAULT(CLOSE_UNMAPS, .close = close_unmaps);

static int truncate_keeps_pages(int fd, off_t len)
{
	struct stat st;

	if (fstat(fd, &st) == 0 && len < st.st_size)
		return 0;
	return real_ftruncate(fd, len);
}
FAULT(TRUNCATE_KEEPS_PAGES, .ftruncate = truncate_keeps_pages);

/* truncate-drops-last-page: the page cache is cut one page too early: the
 * page before the new end goes too, and reads back as zero (as on tmpfs). */
static int truncate_drops_last_page(int fd, off_t len)
{
	static const char zeroes[4096];
	struct stat st;

	if (len > 0 && fstat(fd, &st) == 0 && len < st.st_size) {
		off_t from = (len - 1) / (off_t)pg * (off_t)pg;
		while (from < len) {
			size_t n = (size_t)(len - from) < sizeof(zeroes) ? (size_t)(len - from)
									 : sizeof(zeroes);
			if (pwrite(fd, zeroes, n, from) <= 0)
				break;
			from += (off_t)n;
		}
	}
	return real_ftruncate(fd, len);
}
FAULT(TRUNCATE_DROPS_LAST_PAGE, .ftruncate = truncate_drops_last_page);

/* syscall-ignores-prot: where the kernel said EFAULT for mapped memory,
 * open the pages up, do the transfer anyway, and close them again. */
static void open_up(const void *buf, size_t n, int prot)
{
	uintptr_t a = (uintptr_t)buf & ~(uintptr_t)(pg - 1);

	real_mprotect((void *)a, round_up((uintptr_t)buf + n) - a, prot);
}

static void close_down(const void *buf, size_t n)
{
	const struct tracked *t = find_tracked((uintptr_t)buf & ~(uintptr_t)(pg - 1));

	open_up(buf, n, t ? t->prot : PROT_READ);
}

static int refused_mapped(ssize_t r, const void *buf)
{
	return r < 0 && errno == EFAULT && find_tracked((uintptr_t)buf);
}

static ssize_t ignores_prot_read(int fd, void *buf, size_t n)
{
	ssize_t r = -1;

	if (refused_mapped(r, buf)) {
		open_up(buf, n, PROT_READ | PROT_WRITE);
		r = real_read(fd, buf, n);
		close_down(buf, n);
	}
	return r;
}

static ssize_t ignores_prot_write(int fd, const void *buf, size_t n)
{
	ssize_t r = -1;

	if (refused_mapped(r, buf)) {
		open_up(buf, n, PROT_READ);
		r = real_write(fd, buf, n);
		close_down(buf, n);
	}
	return r;
}
FAULT(SYSCALL_IGNORES_PROT, .read_failed = ignores_prot_read, .write_failed = ignores_prot_write);

/* ftruncate-fails: no length gets through. */
static int ftruncate_fails(int fd, off_t len)
{
	(void)fd;
	(void)len;
	errno = EFBIG;
	return -1;
}
FAULT(FTRUNCATE_FAILS, .ftruncate = ftruncate_fails);
