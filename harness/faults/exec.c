/*
 * exec.c - faults in what survives execve() into the new image.
 *
 * What a fault carries across travels in the environment (execve() with
 * our environ; an image given another environment gets nothing) and is
 * taken back by the library loaded into the new image.
 */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

/* exec-keeps-mappings: the old image's readable mappings go across: the
 * bytes of the anonymous and private ones to a file, the objects of the
 * file ones as inherited descriptors; the new image maps them all back at
 * the same addresses. */
#define KEEP_ENV "MMAPCTS_FAULT_KEPT"
#define KEEP_BUDGET (8u << 20)

static void save_mappings(void)
{
	static char keep_var[4096];
	size_t used = 0, at = 0;
	int fd = temp_fd("keep");

	if (fd < 0)
		return;
	at = (size_t)snprintf(keep_var, sizeof(keep_var), "%s=%d", KEEP_ENV, fd);
	for (int i = 0; i < ntracked; i++) {
		const struct tracked *t = &tracked[i];
		int file = t->fd >= 0 && !(t->flags & MAP_ANONYMOUS);
		int shared = (t->flags & MAP_KIND) == MAP_SHARED;
		int obj = -1;
		size_t keep = 0;

		if (!(t->prot & PROT_READ) || used + t->len > KEEP_BUDGET ||
		    at + 80 > sizeof(keep_var) || (!file && t->fd >= 0))
			continue;
		if (!(file && shared)) {
			if (pwrite(fd, (void *)t->addr, t->len, (off_t)used) != (ssize_t)t->len)
				continue;
			keep = used;
			used += t->len;
		}
		if (file && (obj = fcntl(t->fd, F_DUPFD, 100)) < 0)
			continue;
		at += (size_t)snprintf(keep_var + at, sizeof(keep_var) - at,
				       ",%lx:%zx:%x:%c:%d:%jx:%zx", (unsigned long)t->addr,
				       t->len, (unsigned)t->prot, !file ? 'a' : shared ? 's' : 'p',
				       obj, (uintmax_t)t->off, keep);
	}
	putenv(keep_var);
}

static void restore_mappings(void)
{
	const char *v = getenv(KEEP_ENV);
	int fd;

	if (!v)
		return;
	fd = atoi(v);
	for (const char *p = strchr(v, ','); p; p = strchr(p + 1, ',')) {
		unsigned long addr;
		size_t len, keep;
		unsigned prot;
		char kind;
		int obj;
		uintmax_t off;
		void *want, *got;

		if (sscanf(p + 1, "%lx:%zx:%x:%c:%d:%jx:%zx", &addr, &len, &prot, &kind, &obj,
			   &off, &keep) != 7)
			continue;
		want = (void *)addr;
		if (kind == 'a')
			got = real_mmap(want, len, (int)prot, MAP_PRIVATE, fd, (off_t)keep);
		else if (kind == 's')
			got = real_mmap(want, len, (int)prot, MAP_SHARED, obj, (off_t)off);
		else
			got = real_mmap(want, len, (int)prot | PROT_WRITE, MAP_PRIVATE, obj,
					(off_t)off);
		if (got != MAP_FAILED && got == want && kind == 'p') {
			/* the private copy, with the old image's stores */
			if (pread(fd, got, len, (off_t)keep) < 0) {
				/* the mapping still shows the object */
			}
			real_mprotect(got, len, (int)prot);
		}
		if (got != MAP_FAILED && got != want)
			real_munmap(got, len);	/* the address was taken: leave it */
		if (obj >= 0)
			real_close(obj);
	}
	real_close(fd);
	unsetenv(KEEP_ENV);
}
FAULT(EXEC_KEEPS_MAPPINGS, .exec_start = restore_mappings, .exec = save_mappings);

/* exec-keeps-locks: the old image's locks travel in the environment. */
#define LOCKS_ENV "MMAPCTS_FAULT_LOCKS"

static void save_locks(void)
{
	static char locks_var[64];

	if (!locked.n && !lockall_flags)
		return;
	snprintf(locks_var, sizeof(locks_var), "%s=%d", LOCKS_ENV, lockall_flags);
	putenv(locks_var);
}

static void restore_locks(void)
{
	const char *v = getenv(LOCKS_ENV);

	if (!v)
		return;
	real_mlockall(MCL_CURRENT | (atoi(v) & MCL_FUTURE));
	unsetenv(LOCKS_ENV);
}
FAULT(EXEC_KEEPS_LOCKS, .exec_start = restore_locks, .exec = save_locks);
