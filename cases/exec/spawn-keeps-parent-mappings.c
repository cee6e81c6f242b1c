/*
 * posix_spawn() creates a child "as if" by fork() and exec; however the
 * implementation does it - glibc and musl let the child run in the
 * parent's address space (vfork-style) until its execve() - the parent's
 * mappings, private and shared, anonymous and object, must come out as
 * they were.  This is the exec path that touches the parent's memory
 * most directly: an execve() from a child sharing the parent's address
 * space must give the child a new one, not tear down the one it borrowed.
 * The parent stores a pattern into one mapping of each kind and spawns
 * its own executable (whose new image ends at once); it then probes and
 * reads every mapping.  A kernel or C library that lets the spawned
 * child's exec unmap or change the borrowed address space fails, naming
 * the mapping.
 */
#include "mmapcts.h"
#include "exec.h"

#include <spawn.h>
#include <sys/wait.h>

MMAPCTS_CASE(
	.assertion = "After posix_spawn() of a new process image, the caller's "
		     "private and shared mappings are intact, with their contents.",
	.spec      = "POSIX.1-2024 posix_spawn(): DESCRIPTION (the child process is "
		     "created as if by fork() and the new image loaded as if by "
		     "exec); exec: DESCRIPTION",
	.profile   = "posix",
);

extern char **environ;

static void run(void)
{
	char *argv[] = { (char *)self_path(), "--stage", NEW_IMAGE, "", NULL };
	size_t len = 4 * page_size;
	unsigned char *maps[KINDS];
	pid_t pid;
	int err;

	if (exec_stage())
		return;		/* the spawned image: nothing to do */
	map_each_kind(maps, len);

	err = posix_spawn(&pid, self_path(), NULL, NULL, argv, environ);
	if (err)
		UNRESOLVED("posix_spawn(%s) failed: %s", self_path(), errno_name(err));
	/* An exec that fails after posix_spawn() has returned ends the child
	 * with status 127 (POSIX posix_spawn(): DESCRIPTION): the new image
	 * never ran, which says nothing of the parent's mappings. */
	siginfo_t info = { 0 };
	while (waitid(P_PID, (id_t)pid, &info, WEXITED | WNOWAIT) < 0)
		if (errno != EINTR)
			UNRESOLVED("waitid(child) failed: %s", errno_name(errno));
	if (info.si_code == CLD_EXITED && info.si_status == 127)
		UNRESOLVED("the spawned image did not run: its exec failed after "
			   "posix_spawn() returned (exit status 127)");
	wait_child(pid);

	check_each_kind_intact(maps, len);
}
