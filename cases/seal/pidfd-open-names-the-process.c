/*
 * pidfd_open() gives a descriptor of the process it is asked for: waiting
 * on it (waitid(P_PIDFD)) reports that child's exit.  The process_madvise()
 * and process_mrelease() cases get their descriptors this way and end
 * UNRESOLVED when it fails; this case is where a pidfd_open() that names
 * the wrong process (the caller, as a wrapper passing 0 would) is a FAIL.
 */
#include "seal.h"

#include <sys/wait.h>

/* waitid()'s P_PIDFD: 3 on every Linux ABI; not every libc names it. */
#define WAIT_PIDFD ((idtype_t)3)

MMAPCTS_CASE(
	.assertion = "pidfd_open() of a child returns a descriptor that waitid(P_PIDFD) "
		     "waits on: it reports that child's pid and exit status.",
	.spec      = "Linux pidfd_open(2): DESCRIPTION; waitid(2): P_PIDFD (Linux 5.4)",
	.profile   = "linux",
);

static void run(void)
{
	siginfo_t info = { 0 };
	int fds[2], pidfd;
	pid_t pid;
	char c;

	SAFE_PIPE(fds);
	pid = SAFE_FORK();
	if (pid == 0) {
		close(fds[1]);
		(void)read(fds[0], &c, 1);	/* until the parent closes its end */
		_exit(42);
	}
	SAFE_CLOSE(fds[0]);
	pidfd = PIDFD_OF(pid, 0);
	SAFE_CLOSE(fds[1]);		/* the child may go now */

	if (waitid(WAIT_PIDFD, (id_t)pidfd, &info, WEXITED) < 0 && errno == EINVAL &&
	    !kernel_at_least("5.4"))
		UNSUPPORTED("waitid(P_PIDFD) is EINVAL on Linux before 5.4");
	CHECK_EQ(info.si_pid, pid);
	CHECK_EQ(info.si_status, 42);
}
