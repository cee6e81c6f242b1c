/*
 * process_mrelease() of a process killed with SIGKILL and not yet reaped
 * returns 0: the caller releases its memory now.  ESRCH says the process
 * had already released it (Linux returns it once exit freed the memory,
 * even before the process is reaped); then the case tries again with a
 * child holding more memory, so that its exit takes longer.  It
 * catches a kernel or wrapper that counts only a reaped process as exiting
 * and refuses a killed one with EINVAL.
 */
#include "seal.h"

#include <sys/wait.h>

MMAPCTS_CASE(
	.assertion = "process_mrelease() of a pidfd whose process was sent SIGKILL "
		     "and is not yet waited for returns 0.",
	.spec      = "Linux process_mrelease(2): DESCRIPTION (the target is exiting "
		     "after a SIGKILL; its memory is released by the caller)",
	.profile   = "linux",
	.covers    = "O3",
);

/*
 * Fork a child that touches mib MiB, SIGKILL it, and call
 * process_mrelease() on it before reaping it: the call's result, errno in
 * *err.  A child that finished exiting before the call has no memory left
 * (ESRCH), so the caller tries again with more.
 */
static int mrelease_killed_child(size_t mib, int *err)
{
	size_t len = mib << 20;
	int fds[2], status, pidfd, r;
	pid_t pid;
	char c;

	SAFE_PIPE(fds);
	pid = SAFE_FORK();
	if (pid == 0) {
		unsigned char *mem = mmap(NULL, len, PROT_READ | PROT_WRITE,
					  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (mem != MAP_FAILED)
			memset(mem, 1, len);	/* memory to release */
		(void)write(fds[1], "r", 1);
		for (;;)
			pause();
	}
	SAFE_CLOSE(fds[1]);
	SAFE_READ(fds[0], &c, 1);
	SAFE_CLOSE(fds[0]);
	pidfd = PIDFD_OF(pid, 1);
	r = sys_process_mrelease(pidfd, 0);
	*err = errno;
	if (waitpid(pid, &status, 0) != pid || !WIFSIGNALED(status))
		UNRESOLVED("the child did not end by SIGKILL");
	SAFE_CLOSE(pidfd);
	return r;
}

static void run(void)
{
	int err = 0;

	for (size_t mib = 4; mib <= 64; mib *= 4) {
		if (mrelease_killed_child(mib, &err) == 0)
			return;
		if (err == ENOSYS)
			FEATURE_REFUSED("process_mrelease()", "5.15", err);
		if (err != ESRCH)
			FAIL("process_mrelease() of a SIGKILLed, unreaped process failed "
			     "with %s, expected 0", errno_name(err));
		OBSERVE("exit_outran_mrelease_mib", "%zu", mib);
	}
	UNTESTED("each killed child (4 to 64 MiB) had released its memory before "
		 "process_mrelease() was called (ESRCH): the call never met an exiting "
		 "process");
}
