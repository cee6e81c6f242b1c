/*
 * Memory locks do not survive execve(): a process that locked memory with
 * mlock() and then execs starts its new image with nothing locked.  POSIX
 * has no interface that tells whether memory is locked, so the case reads
 * Linux's count of locked memory (VmLck in /proc/self/status) and is a
 * Linux-profile case for that reason; without the figure it ends UNTESTED.
 * A child of the case's process locks 4 pages, its count must show them
 * (SAFE_MLOCK(): mlock/locks-counted asserts it), and it re-executes
 * itself; the new image must count nothing locked.  A kernel, or an exec
 * emulated in user space, that carries the locked memory or its
 * accounting into the new image fails.
 */
#include "mmapcts.h"
#include "exec.h"

MMAPCTS_CASE(
	.assertion = "A process image started by execve() from a process that "
		     "had locked memory with mlock() has no memory locked.",
	.spec      = "POSIX.1-2024 exec: DESCRIPTION (memory locks established by "
		     "the calling process via calls to mlockall() or mlock() shall "
		     "be removed); Linux proc_pid_status(5): VmLck",
	.profile   = "linux",
	.covers    = "F1",
	.needs     = "mlock",
);

static size_t len;

static void lock_range(void *map)
{
	SAFE_MLOCK(map, len);
}

static void run(void)
{
	if (exec_stage()) {
		CHECK_EQ(locked_kb(), 0);
		return;
	}
	len = 4 * page_size;

	wait_child(exec_self_in_child(NEW_IMAGE, "", lock_range,
				      SAFE_MAP_PATTERN(NULL, len, PROT_READ | PROT_WRITE,
						       MAP_PRIVATE | MAP_ANONYMOUS,
						       NULL)));
}
