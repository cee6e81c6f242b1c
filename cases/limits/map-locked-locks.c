/*
 * mmap() with MAP_LOCKED returns memory that is locked as mlock() would
 * lock it: the process's locked memory (VmLck) grows by the length
 * mapped, with no mlock() call.  A kernel or libc that accepts the flag
 * and drops it (the mapping made, nothing locked) fails on the count.
 * Only a refusal that RLIMIT_MEMLOCK (raised to its hard limit) explains
 * is UNSUPPORTED; the lock accounting itself is mlock/locks-counted.
 */
#include "limits.h"

MMAPCTS_CASE(
	.assertion = "mmap() of MAP_PRIVATE|MAP_ANONYMOUS|MAP_LOCKED memory within "
		     "RLIMIT_MEMLOCK succeeds and the locked memory of the process "
		     "(VmLck) grows by the length mapped.",
	.spec      = "Linux mmap(2): MAP_LOCKED (lock the pages of the mapped region "
		     "into memory in the manner of mlock(2)); proc_pid_status(5): VmLck",
	.profile   = "linux",
	.covers    = "A4",
	.needs     = "mlock",
);

static void run(void)
{
	size_t len = 4 * page_size;
	const char *why = memlock_refusal_reason(len);
	long before = locked_kb();
	void *map = mmap(NULL, len, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_LOCKED, -1, 0);

	if (map == MAP_FAILED && why && (errno == EAGAIN || errno == EPERM))
		UNSUPPORTED("mmap(MAP_LOCKED) of %zu bytes refused (%s): %s", len,
			    errno_name(errno), why);
	CHECK_MAP_OK(map);

	CHECK_EQ(locked_kb(), before + (long)(len / 1024));
}
