/*
 * threads.c - faults of the threads group (their list: MMAPCTS_FAULTS_THREADS in
 * faults.h): changes to the address space that the other threads of the
 * process do not see.
 */
#include "config.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

/* Does the process have more than one thread (Linux: "Threads:" in
 * /proc/self/status; 0 where that cannot be read)? */
static int multithreaded(void)
{
	char buf[2048], *at;
	int fd = open("/proc/self/status", O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return 0;
	n = real_read(fd, buf, sizeof(buf) - 1);
	real_close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	at = strstr(buf, "\nThreads:");
	return at && strtol(at + strlen("\nThreads:"), NULL, 10) > 1;
}

/*
 * stale-in-other-threads: the change is never made at all, which is what
 * the other threads see of it; the calling thread's books (the tracked
 * mappings) say it was.
 */
static int stale_munmap(void *addr, size_t len)
{
	return multithreaded() ? 0 : real_munmap(addr, len);
}

static int stale_mprotect(void *addr, size_t len, int prot)
{
	return multithreaded() ? 0 : real_mprotect(addr, len, prot);
}

static int stale_fixed_when(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)prot, (void)fd, (void)off;
	(void)addr, (void)len;
	return (flags & MAP_FIXED) && multithreaded();
}

/* Over pages already mapped (a replacement), the old ones stay. */
static void *stale_fixed_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	if (find_tracked((uintptr_t)addr) && find_tracked((uintptr_t)addr + len - 1))
		return addr;
	return real_mmap(addr, len, prot, flags, fd, off);
}
/* A move of a file mapping to a fixed address: the pages appear there, and
 * stay where they were too. */
static void *stale_mremap(void *old, size_t old_len, size_t new_len, int flags, void *new_addr)
{
	struct tracked *t = find_tracked((uintptr_t)old);

	if ((flags & MREMAP_FIXED) && t && t->fd >= 0 && t->addr == (uintptr_t)old &&
	    old_len == t->len && multithreaded())
		return real_mmap(new_addr, new_len, t->prot, (t->flags & MAP_KIND) | MAP_FIXED,
				 t->fd, t->off);
	return real_mremap(old, old_len, new_len, flags, new_addr);
}
FAULT(THREADS_STALE_TRANSLATIONS, .munmap = stale_munmap, .mprotect = stale_mprotect,
      .mremap = stale_mremap, .mmap_when = stale_fixed_when, .mmap_file = stale_fixed_mmap);
