/*
 * fork() makes a child that runs: it returns the child's pid to the
 * parent and 0 to the child, the child is the parent's (getppid()), and
 * the status it exits with reaches the parent's waitpid().  Nearly every
 * case that checks what a child sees leans on this in its setup
 * (start_child(), SAFE_FORK()) and ends UNRESOLVED when it breaks; this
 * case is where a broken fork() is a FAIL.  A fork() that fails (EAGAIN,
 * ENOMEM with room to spare), or a child that never runs or exits with
 * another status, fails.
 */
#include "mmapcts.h"

#include <sys/wait.h>

MMAPCTS_CASE(
	.assertion = "fork() returns a child's pid; the child runs as the "
		     "caller's child and its exit status reaches waitpid().",
	.spec      = "POSIX.1-2024 fork(): DESCRIPTION, RETURN VALUE; waitpid(): "
		     "DESCRIPTION",
	.profile   = "posix",
	.covers    = "E13",
);

static void run(void)
{
	pid_t parent = getpid();
	pid_t pid = (pid_t)CHECK_OK(fork());
	int status = 0;

	if (pid == 0)
		_exit(getppid() == parent ? 42 : 43);

	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK(WIFEXITED(status));
	CHECK_EQ(WEXITSTATUS(status), 42);
}
