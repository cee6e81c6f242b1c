/*
 * process_mrelease() refuses what it cannot release: a process that is
 * not exiting (EINVAL), non-zero flags even for a killed process (EINVAL),
 * and a descriptor that is not open (EBADF).  It catches a kernel or
 * wrapper that reaps a live process's memory, ignores the flags, or does
 * not check the descriptor.
 */
#include "seal.h"

#include <sys/wait.h>

MMAPCTS_CASE(
	.assertion = "process_mrelease() of a live process, or with flags other than 0, "
		     "fails with EINVAL, and of a closed descriptor with EBADF.",
	.spec      = "Linux process_mrelease(2): ERRORS (EBADF, EINVAL: flags is not 0, "
		     "the task is not exiting)",
	.profile   = "linux",
	.covers    = "O3",
);

static void run(void)
{
	int fds[2], status;
	pid_t pid;
	int pidfd;
	char c;

	SAFE_PIPE(fds);
	pid = SAFE_FORK();
	if (pid == 0) {
		close(fds[1]);
		(void)read(fds[0], &c, 1);	/* until the parent closes its end */
		_exit(0);
	}
	SAFE_CLOSE(fds[0]);
	pidfd = PIDFD_OF(pid, 0);

	if (sys_process_mrelease(pidfd, 0) < 0 && errno == ENOSYS)
		FEATURE_REFUSED("process_mrelease()", "5.15", errno);
	CHECK_FAILS(sys_process_mrelease(pidfd, 0), EINVAL);	/* live */
	CHECK_FAILS(sys_process_mrelease(-1, 0), EBADF);
	if (kill(pid, SIGKILL) < 0)
		UNRESOLVED("kill(child, SIGKILL) failed: %s", errno_name(errno));
	CHECK_FAILS(sys_process_mrelease(pidfd, 1), EINVAL);	/* flags */
	SAFE_CLOSE(fds[1]);
	if (waitpid(pid, &status, 0) != pid)
		UNRESOLVED("waitpid(child) failed: %s", errno_name(errno));
}
